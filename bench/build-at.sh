#!/bin/sh
# bench/build-at.sh <commit> <folder>: the API as it was at <commit>, built into <folder>/dist with this
# checkout's node_modules and today's bench/serve-api.js, for `npm run bench -- --build name=<folder>/dist`.
# Reads the commit with git archive: the working tree and the index are left alone.
set -eu
commit=$1
folder=$2
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$folder"
mkdir -p "$folder"
# operations/ where the commit has it: the PedEx manifest the server reads is generated there.
paths="src migrations tsconfig.json tsconfig.build.json package.json"
if git -C "$root" cat-file -e "$commit:operations" 2>/dev/null; then paths="$paths operations"; fi
git -C "$root" archive "$commit" $paths | tar -x -C "$folder"
ln -s "$root/node_modules" "$folder/node_modules"
mkdir -p "$folder/bench"
cp "$root/bench/serve-api.ts" "$folder/bench/serve-api.ts"
(cd "$folder" && "$root/node_modules/.bin/tsc" --outDir dist --rootDir . --target ES2022 --module commonjs --moduleResolution node10 --lib ES2023 --strict --esModuleInterop --experimentalDecorators --emitDecoratorMetadata --strictPropertyInitialization false --skipLibCheck --resolveJsonModule --types node bench/serve-api.ts $(find src -name '*.d.ts'))
test -f "$folder/dist/bench/serve-api.js"
echo "$folder/dist"
