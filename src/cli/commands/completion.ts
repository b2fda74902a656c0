import { basename } from 'node:path';
import { HELP } from '../../i18n/help.js';
import type { Lang } from '../../i18n/lang.js';
import { USAGE } from '../../i18n/usage.js';
import { UsageError } from '../errors.js';
import type { Command } from '../context.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/**
 * The scripts ask `zcopy --get-yargs-completions` for the words, as yargs' own
 * do (these are its templates, for zcopy). yargs would choose between them by
 * $SHELL alone and reads a shell's name as a mistyped command, so zcopy prints
 * them itself.
 */
const SCRIPTS: Record<Shell, string> = {
  bash: `###-begin-zcopy-completions-###
# zcopy completion for bash: zcopy completion bash >> ~/.bashrc
_zcopy_yargs_completions()
{
    local cur_word args type_list
    cur_word="\${COMP_WORDS[COMP_CWORD]}"
    args=("\${COMP_WORDS[@]}")
    mapfile -t type_list < <(zcopy --get-yargs-completions "\${args[@]}")
    mapfile -t COMPREPLY < <(compgen -W "$( printf '%q ' "\${type_list[@]}" )" -- "\${cur_word}" |
        awk '/ / { print "\\""$0"\\"" } /^[^ ]+$/ { print $0 }')
    return 0
}
complete -o bashdefault -o default -F _zcopy_yargs_completions zcopy
###-end-zcopy-completions-###
`,
  zsh: `#compdef zcopy
###-begin-zcopy-completions-###
# zcopy completion for zsh: zcopy completion zsh >> ~/.zshrc
_zcopy_yargs_completions()
{
  local reply
  local si=$IFS
  IFS=$'\\n' reply=($(COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" SHELL=zsh zcopy --get-yargs-completions "\${words[@]}"))
  IFS=$si
  if [[ \${#reply} -gt 0 ]]; then
    _describe 'values' reply
  else
    _default
  fi
}
if [[ "\${zsh_eval_context[-1]}" == "loadautofunc" ]]; then
  _zcopy_yargs_completions "$@"
else
  compdef _zcopy_yargs_completions zcopy
fi
###-end-zcopy-completions-###
`,
  // fish has no COMP_WORDS: the words come from commandline, the one being typed last (an empty
  // one when nothing is typed yet, so that the command's words are offered). SHELL=fish keeps the
  // answer to bare words, as bash's, whatever shell started fish. Where zcopy offers nothing (a
  // file's name after --file, --check or --out, validate's files) fish offers paths.
  fish: `###-begin-zcopy-completions-###
# zcopy completion for fish: zcopy completion fish > ~/.config/fish/completions/zcopy.fish
function __zcopy_yargs_completions
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l found (env SHELL=fish zcopy --get-yargs-completions $words "$current")
    if test (count $found) -gt 0
        printf '%s\\n' $found
    else
        __fish_complete_path "$current"
    end
end
complete -c zcopy -f -a '(__zcopy_yargs_completions)'
###-end-zcopy-completions-###
`,
};

/** The shell $SHELL names, when zcopy has its script; bash when none is named; otherwise the learner is told which it has. */
function shellOf(path: string | undefined, lang: Lang): Shell {
  const name = basename(path ?? '') || 'bash';
  if ((SHELLS as readonly string[]).includes(name)) return name as Shell;
  throw new UsageError(USAGE[lang].noScriptFor(name, SHELLS));
}

/** `zcopy completion [bash|zsh|fish]`: the script for the shell named, or for $SHELL's. */
export const completionCommand: Command = {
  names: ['completion'],
  register: (y, { lang, out, io }) => {
    const H = HELP[lang];
    y.command(
      'completion [shell]',
      H.completion,
      (c) => c.positional('shell', { type: 'string', choices: SHELLS, describe: H.completionShell }),
      (args) => {
        out(SCRIPTS[(args.shell as Shell | undefined) ?? shellOf(io.env.SHELL, lang)]);
      },
    );
  },
};
