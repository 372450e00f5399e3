#!/usr/bin/env bash
# Checks the generated editor support with the editors themselves, where they are installed:
#   vim    -es: highlight groups (synIDattr) and indentation of test/sample.mlopt
#   emacs  --batch: font-lock faces and indentation of test/sample.mlopt
#   vscode-tmgrammar-test: the TextMate grammar against the annotated files in vscode/test/
# A missing tool is skipped with a message; the script fails only when a check that ran fails.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
status=0
ran=()
skipped=()

if command -v vim >/dev/null 2>&1; then
  result="$(mktemp)"
  (cd "$here" && MLOPT_VIM_RESULT="$result" vim -u NONE -i NONE -N -es \
      --cmd "set rtp^=$root/vim" --cmd "filetype plugin indent on" --cmd "syntax on" \
      -S vim-check.vim sample.mlopt </dev/null)
  if [ $? -eq 0 ] && [ ! -s "$result" ]; then
    echo "vim: ok (highlight groups and indentation)"
    ran+=(vim)
  else
    echo "vim: FAILED"; sed 's/^/  /' "$result"; status=1
  fi
  rm -f "$result"
else
  echo "vim: skipped (vim is not installed)"; skipped+=(vim)
fi

if command -v emacs >/dev/null 2>&1; then
  if emacs --batch -Q -l "$root/emacs/mlopt-mode.el" -l "$here/emacs-check.el" \
      --eval "(mlopt-check \"$here/sample.mlopt\")"; then
    echo "emacs: ok (font-lock faces and indentation)"
    ran+=(emacs)
  else
    echo "emacs: FAILED"; status=1
  fi
else
  echo "emacs: skipped (emacs is not installed)"; skipped+=(emacs)
fi

vscode="$root/vscode"
if [ ! -x "$vscode/node_modules/.bin/vscode-tmgrammar-test" ] && command -v npm >/dev/null 2>&1; then
  (cd "$vscode" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) || true
fi
if [ -x "$vscode/node_modules/.bin/vscode-tmgrammar-test" ]; then
  if (cd "$vscode" && npx --no-install vscode-tmgrammar-test -g syntaxes/mlopt.tmLanguage.json "test/*.mlopt"); then
    echo "vscode-tmgrammar-test: ok"
    ran+=(vscode-tmgrammar-test)
  else
    echo "vscode-tmgrammar-test: FAILED"; status=1
  fi
else
  echo "vscode-tmgrammar-test: skipped (needs node/npm and 'npm ci' in editor-support/vscode)"; skipped+=(vscode-tmgrammar-test)
fi

echo "ran: ${ran[*]:-none}; skipped: ${skipped[*]:-none}"
exit $status
