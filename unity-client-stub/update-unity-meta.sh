#!/usr/bin/env bash
# Writes the Unity .meta file of every file and folder of the Commerce.Sdk package that lacks one.
# Unity ignores assets without a .meta inside immutable (git URL) packages. GUIDs derive from the
# path, so they are stable and unique; run this after adding a file and commit the new .meta.
set -euo pipefail
cd "$(dirname "$0")/Commerce.Sdk"

guid() { printf 'com.commerce.sdk/%s' "$1" | md5sum | cut -c1-32; }

importer() {
  case "$1" in
    *.cs) printf 'MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n  executionOrder: 0\n  icon: {instanceID: 0}\n' ;;
    *.asmdef) printf 'AssemblyDefinitionImporter:\n  externalObjects: {}\n' ;;
    package.json) printf 'PackageManifestImporter:\n  externalObjects: {}\n' ;;
    *.md|*.xml|*.json|*.txt) printf 'TextScriptImporter:\n  externalObjects: {}\n' ;;
    *) printf 'DefaultImporter:\n  externalObjects: {}\n' ;;
  esac
}

# Unity skips hidden entries and names ending in "~" (Samples~); bin/ and obj/ are dotnet's, untracked.
find . -mindepth 1 \( -name '.*' -o -name '*~' -o -name bin -o -name obj \) -prune -o ! -name '*.meta' -print |
  sed 's|^\./||' | sort | while read -r path; do
    meta="$path.meta"
    [ -e "$meta" ] && continue
    {
      printf 'fileFormatVersion: 2\nguid: %s\n' "$(guid "$path")"
      if [ -d "$path" ]; then
        printf 'folderAsset: yes\n'
        importer folder
      else
        importer "$(basename "$path")"
      fi
      printf '  userData:\n  assetBundleName:\n  assetBundleVariant:\n'
    } > "$meta"
    echo "wrote $meta"
  done
