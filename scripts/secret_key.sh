#!/bin/sh
# The local secret key for `make run`: generated once, kept out of git (.gitignore), mode 600.
file="$(dirname "$0")/../.secret_key"
if [ ! -s "$file" ]; then
    umask 077
    "$1" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$file"
fi
cat "$file"
