#!/bin/sh
# Print a Python 3.12 interpreter: the one .python-version names, found without relying on
# an interactive shell's pyenv setup. The machine's default python3 is 3.11, which would
# silently install an older Django.
want=$(cat "$(dirname "$0")/../.python-version" 2>/dev/null || echo 3.12)
for candidate in "$(command -v pyenv >/dev/null 2>&1 && pyenv root)/versions/$want/bin/python" \
                 "$HOME/.pyenv/versions/$want/bin/python" \
                 "$(command -v python3.12)" "$(command -v python3)" "$(command -v python)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
        echo "$candidate"
        exit 0
    fi
done
echo "Python 3.12 not found: install it (pyenv install $want) and try again." >&2
exit 1
