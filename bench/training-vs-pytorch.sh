#!/usr/bin/env bash
# Side by side, one run: the tutorial network's training step (batch 64, 2 threads) in the ReviewPulse engine and in
# PyTorch (../shared/anchors/pytorch_charcnn_train.py), plus SGEMM ceilings (engine vs OpenBLAS through numpy).
# Needs Debian's python3-torch python3-numpy libopenblas0-pthread (bench only, never the app or tests).
set -euo pipefail
cd "$(dirname "$0")/.."
anchor=${ANCHOR:-../shared/anchors/pytorch_charcnn_train.py}
rounds=${ROUNDS:-3}
export ORT_DISABLE_TELEMETRY=1
dotnet build -c Release bench/ReviewPulse.Bench -v q -nologo >/dev/null
bench="dotnet bench/ReviewPulse.Bench/bin/Release/net10.0/ReviewPulse.Bench.dll"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%Y-%m-%dT%H:%MZ)"
for round in $(seq "$rounds"); do
  echo "--- round $round"
  $bench train-step --preset tutorial --batch 64 --threads 2 --steps 8
  /usr/bin/python3 "$anchor" --batch 64 --threads 2 --steps 8
done
echo "--- SGEMM 1024^3, 2 threads"
$bench gflops --size 1024 --threads 2
OPENBLAS_NUM_THREADS=2 /usr/bin/python3 - <<'PY'
import time, statistics, numpy as np
n = 1024
a = np.random.rand(n, n).astype(np.float32); b = np.random.rand(n, n).astype(np.float32)
t = []
for i in range(12):
    s = time.perf_counter(); a @ b; t.append(time.perf_counter() - s)
print(f"openblas sgemm n={n} threads=2: {2 * n**3 / statistics.median(t[2:]) / 1e9:.1f} GFLOP/s (median of 10)")
PY
