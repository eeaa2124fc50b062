#!/bin/bash
# A Gongzhi sweep as a Slurm job array: task K of N runs `gongzhi sweep --shard K/N`, and a job that depends on the
# whole array merges the parts. Not run in this repository's tests (there is no Slurm here); the commands it runs
# are the ones test/sweep-shards.test.ts checks.
#
#   sbatch --array=0-15 docs/sweeps/slurm-array.sh plan.json results/      # 16 shards
#   sbatch --dependency=afterok:<array job id> --wrap 'npx gongzhi sweep merge results/part-*.csv --out results/all.csv'
#
#SBATCH --job-name=gongzhi-sweep
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=%x-%A_%a.log
set -euo pipefail
PLAN=${1:?plan.json}
OUT=${2:?output directory}
# every task runs one slice: jobs K, K + N, K + 2N, … of the plan (SLURM_ARRAY_TASK_COUNT is N when --array=0-(N-1))
K=$SLURM_ARRAY_TASK_ID
N=$SLURM_ARRAY_TASK_COUNT
mkdir -p "$OUT"
# a task that is requeued (node failure, preemption) resumes its part: rows already in part-K.csv are not run again
exec npx gongzhi sweep --plan "$PLAN" --shard "$K/$N" --workers "${SLURM_CPUS_PER_TASK:-1}" --out "$OUT/part-$K.csv"
