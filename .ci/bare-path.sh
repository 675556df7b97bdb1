#!/usr/bin/env bash
# The README's first command on a machine with only the .NET SDK (issue 28): a clean clone of this commit, an empty
# HOME, no Chromium (DEEPFM_CHROMIUM=none) and no Jupyter on PATH, runs notebooks 01 and 04 (those with charts, about
# two minutes); then the tests that guard the committed outputs run on the tree that run left, so committing it would
# publish nothing broken. NuGet packages come from the caller's cache and the data from DEEPFM_DATA or ../shared (a new
# user's run downloads it; this machine reaches no network but NuGet).
# Ends with the line "N passed, N failed, N skipped", which .ci/run adds to its own counts.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$repo" "$work/clone"
mkdir -p "$work/home" "$work/bin"
# PATH without Jupyter, Chromium or a Python environment: every other command of /usr/bin and /usr/local/bin.
for dir in /usr/local/bin /usr/bin; do
  for tool in "$dir"/*; do
    name=$(basename "$tool")
    case "$name" in jupyter*|chromium*|google-chrome*|ipython*) continue ;; esac
    [ -e "$work/bin/$name" ] || ln -s "$tool" "$work/bin/$name"
  done
done

data=${DEEPFM_DATA:-$repo/../shared/data/ml-100k.zip}
bare() {
  env -i PATH="$work/bin" HOME="$work/home" NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}" \
    DEEPFM_CHROMIUM=none DEEPFM_DATA="$data" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 TERM=dumb "$@"
}

cd "$work/clone"
echo "Bare path: dotnet run -c Release --project tools/RunNotebooks -- 01 04 (empty HOME, no Chromium, no Jupyter)"
bare dotnet run -c Release --project tools/RunNotebooks -- 01 04
echo "Bare path: what the run changed in the clone:"
git status --short

log=$work/test.log
set +e
bare dotnet test -c Release --project tests/DeepFm.Notebook.Tests -- \
  --filter-class DeepFm.Notebook.Tests.Packaging.CommittedChartOutputTests \
  --filter-class DeepFm.Notebook.Tests.Packaging.CommittedNotebookTests \
  --filter-class DeepFm.Notebook.Tests.Packaging.CommittedReadabilityTests \
  --filter-class DeepFm.Notebook.Tests.Packaging.ReadmeClaimsTests \
  --filter-class DeepFm.Notebook.Tests.Packaging.WordBudgetTests 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(awk '$1=="succeeded:" {n+=$2} END {print n+0}' "$log")
failed=$(awk '$1=="failed:" {n+=$2} END {print n+0}' "$log")
skipped=$(awk '$1=="skipped:" {n+=$2} END {print n+0}' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
