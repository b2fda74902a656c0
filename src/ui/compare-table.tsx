import { Table } from '@alcalzone/ink-table';
import { render } from 'ink';

/** Draws the comparison with ink's table component, then lets go of the terminal. */
export async function drawTable(cells: Record<string, string>[], stdout: NodeJS.WriteStream): Promise<void> {
  const app = render(<Table data={cells} />, { stdout, patchConsole: false, exitOnCtrlC: false });
  app.unmount();
  await app.waitUntilExit();
}
