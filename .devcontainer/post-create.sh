#!/usr/bin/env bash
# Set-up after the container is created (and, in CI, on the Debian 12 build machine, to prove it works).
# Idempotent: running it again changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v jupyter-nbconvert >/dev/null || need+=(jupyter-nbconvert jupyter-client python3-ipykernel)
# Debian's chromium is a real browser; Ubuntu's is a snap stub that cannot run in a container (handled below).
if ! grep -qi ubuntu /etc/os-release && ! command -v chromium >/dev/null; then need+=(chromium); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "post-create: installing ${need[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if grep -qi ubuntu /etc/os-release && [ -z "${DEEPFM_CHROMIUM:-}" ] && command -v npx >/dev/null; then
  # A headless Chrome for the PNG export of the charts (the HTML charts need no browser).
  browsers="$HOME/.cache/deepfm-chrome"
  npx -y @puppeteer/browsers install chrome-headless-shell@stable --path "$browsers" >/dev/null
  shell=$(find "$browsers" -type f -name chrome-headless-shell | head -n 1)
  if [ -n "$shell" ]; then
    # The shell's system libraries (libnss3, …); sudo resets PATH, so pass ours for npx.
    sudo_if_needed env "PATH=$PATH" npx -y @puppeteer/browsers install chrome-headless-shell@stable --path "$browsers" --install-deps >/dev/null \
      || echo "post-create: could not install headless Chrome's libraries; PNG export may fail (HTML charts still work)."
    # The library finds it in ~/.cache/deepfm-chrome by itself (ChromiumLocator); no variable to set.
    echo "post-create: headless Chrome for PNG export at $shell"
  fi
fi

dotnet tool restore
dotnet build -c Release lib/DeepFm.Notebook
dotnet run -c Release --project tools/DeepFm.Setup
# The .NET Interactive Jupyter kernel, so the notebooks also run in Jupyter / nbconvert. `dotnet interactive jupyter
# install` uses `jupyter kernelspec` when that works, and otherwise copies the kernels into
# ~/.local/share/jupyter/kernels, which it does not create: on a machine that never had that folder it exits 3. So the
# folder is made first (also where Jupyter itself looks), and a failure stops the set-up with the installer's output.
jupyter_data=$(jupyter --data-dir 2>/dev/null || true)
mkdir -p "$HOME/.local/share/jupyter/kernels" ${jupyter_data:+"$jupyter_data/kernels"}
if ! install_log=$(DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 dotnet tool run dotnet-interactive jupyter install 2>&1); then
  echo "$install_log" >&2
  echo "post-create: 'dotnet tool run dotnet-interactive jupyter install' failed (output above): the notebooks will not run in Jupyter." >&2
  exit 1
fi
kernel=$(jupyter kernelspec list 2>/dev/null | awk '$1 == ".net-csharp" {print $2}')
[ -n "$kernel" ] || [ ! -f "$HOME/.local/share/jupyter/kernels/.net-csharp/kernel.json" ] || kernel="$HOME/.local/share/jupyter/kernels/.net-csharp"
if [ -z "$kernel" ]; then
  echo "$install_log" >&2
  echo "post-create: no .net-csharp kernel after 'dotnet tool run dotnet-interactive jupyter install' (output above)." >&2
  exit 1
fi
echo "post-create: .NET Interactive Jupyter kernels installed ($kernel)"
echo "post-create: ready. Open notebooks/01-data.ipynb, or run everything with: dotnet run -c Release --project tools/RunNotebooks"
