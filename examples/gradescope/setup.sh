#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu 22.04).
# The autograder zip holds setup.sh, run_autograder and pymemlab.tgz (`npm pack` of this kit,
# made by the instructor), plus an optional pymemlab.config.json (points, hidden checks).
set -euo pipefail
apt-get update
apt-get install -y ca-certificates curl
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
mkdir -p /autograder/pymemlab
tar -xzf /autograder/source/pymemlab.tgz -C /autograder/pymemlab --strip-components=1
cd /autograder/pymemlab
npm install --omit=dev --no-audit --no-fund
