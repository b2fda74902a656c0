// Removes the one folder every test of the run made its folders in (build.setup.js).
import { rmSync } from 'node:fs';

export default function removeTestFolders() {
  const root = process.env.ZCOPY_TEST_ROOT;
  if (root) rmSync(root, { recursive: true, force: true });
}
