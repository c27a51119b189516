#!/usr/bin/env bash
# Runs the documented Slurm array job (docs/cluster/slurm-sweep.sbatch) on a real scheduler: a
# one-node Slurm on localhost (munged, slurmctld, slurmd, all private to a temporary folder and on
# free ports), a 4-task array over a small sweep, `stampsim merge`, and a byte comparison with the
# same sweep run on one machine; then one shard is cancelled mid-run, resubmitted, resumes, and
# merges to the same bytes again. Everything it started is stopped on exit.
#
#   tools/cluster/slurm-local-test.sh          (root; installs slurm-wlm and munge with apt when missing)
#
# Environment: STAMPSIM, a built stampsim for the jobs (the variable the sbatch file reads); without
# it, src/StampSim.Cli is published in STAMPSIM_CONFIGURATION (Release).
# Exit status: 0 passed, 1 failed, 77 skipped (apt or the daemons cannot be had; the last line says why).
set -euo pipefail

# Orphans are reparented to the nearest subreaper; this container's PID 1 does not reap, so without
# one every slurmstepd that ends would linger as a zombie. Become the subreaper (bash reaps any child).
if [ -z "${STAMPSIM_SLURM_SUBREAPER:-}" ] && command -v python3 >/dev/null; then
  export STAMPSIM_SLURM_SUBREAPER=1
  exec python3 -c 'import ctypes, os, sys; ctypes.CDLL(None).prctl(36, 1, 0, 0, 0); os.execvp("bash", ["bash"] + sys.argv[1:])' "$0" "$@"
fi

REPO=$(cd "$(dirname "$0")/../.." && pwd)
CONFIGURATION=${STAMPSIM_CONFIGURATION:-Release}
SHARDS=4
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stampsim-slurm.XXXXXX")
# Every process started from here carries this marker, so the final check finds exactly ours.
export STAMPSIM_SLURM_TEST="$WORK"
export SLURM_CONF="$WORK/etc/slurm.conf"
DAEMONS=()
JOBS=()

log() { echo "slurm-local-test: $*"; }
skip() { log "SKIP: $*"; exit 77; }
fail() { log "FAIL: $*"; exit 1; }

# Processes of ours (by the marker) that are still alive; zombies are dead and are not counted.
alive_daemons() {
  local p comm state
  for p in /proc/[0-9]*; do
    comm=$(cat "$p/comm" 2>/dev/null) || continue
    case "$comm" in slurmctld|slurmd|slurmstepd|munged) ;; *) continue ;; esac
    state=$(awk '/^State:/ {print $2}' "$p/status" 2>/dev/null) || continue
    [ "$state" = Z ] && continue
    tr '\0' '\n' < "$p/environ" 2>/dev/null | grep -qxF "STAMPSIM_SLURM_TEST=$WORK" && echo "${p#/proc/} $comm"
  done
  return 0
}

cleanup() {
  local status=$? pid i
  set +e
  for j in "${JOBS[@]}"; do scancel "$j" 2>/dev/null; done
  for i in $(seq 50); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
  # Stop in reverse order of start (slurmd, slurmctld, munged); waiting reaps each one.
  for (( i=${#DAEMONS[@]}-1; i>=0; i-- )); do
    pid=${DAEMONS[i]}
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  sleep 0.5
  local left; left=$(alive_daemons)
  if [ -n "$left" ]; then
    log "still running after stop, killing: $(echo $left)"
    for pid in $(echo "$left" | awk '{print $1}'); do kill -KILL "$pid" 2>/dev/null; done
    [ "$status" -eq 0 ] && status=1
  else
    local zombies; zombies=$(ps -eo stat=,comm= | awk '$1 ~ /^Z/ && $2 ~ /^(slurm|munge)/' | wc -l)
    log "stopped: no slurm or munge daemon of this test left running ($zombies zombie slurm/munge entries on the machine)"
  fi
  if [ "$status" -eq 0 ] || [ "$status" -eq 77 ]; then rm -rf "$WORK"; else log "kept $WORK for inspection"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # so that a stopped test still stops its daemons

# --- Install -----------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  [ "$(id -u)" -eq 0 ] || skip "slurm-wlm or munge missing and not root, cannot apt-get install"
  command -v apt-get >/dev/null || skip "slurm-wlm or munge missing and no apt-get"
  log "installing slurm-wlm and munge"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge; } > "$WORK/apt.log" 2>&1 \
    || skip "apt-get cannot install slurm-wlm and munge: $(tail -n 1 "$WORK/apt.log")"
fi

free_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}

# --- munge -------------------------------------------------------------------------------------
mkdir -p "$WORK/munge" "$WORK/etc" "$WORK/state" "$WORK/spool" "$WORK/run"
chmod 700 "$WORK/munge"
head -c 1024 /dev/urandom > "$WORK/munge/munge.key"
chmod 400 "$WORK/munge/munge.key"
SOCKET="$WORK/munge/munge.socket"
# --force: munged refuses to run as root, and this test runs as root.
munged --foreground --force --key-file="$WORK/munge/munge.key" --socket="$SOCKET" \
  --pid-file="$WORK/run/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" \
  > "$WORK/munge/stdout.log" 2>&1 &
DAEMONS+=($!)
for _ in $(seq 50); do munge -n -S "$SOCKET" 2>/dev/null | unmunge -S "$SOCKET" >/dev/null 2>&1 && break; sleep 0.2; done
munge -n -S "$SOCKET" 2>/dev/null | unmunge -S "$SOCKET" >/dev/null 2>&1 \
  || skip "munged does not start: $(tail -n 1 "$WORK/munge/munged.log" "$WORK/munge/stdout.log" 2>/dev/null | tr '\n' ' ')"

# --- Slurm -------------------------------------------------------------------------------------
HOST=$(hostname -s)
NODE=stampsim-node
CTLD_PORT=$(free_port) || skip "no free TCP port"
SLURMD_PORT=$(free_port) || skip "no free TCP port"
CPUS=$(nproc)
# What the test needs, not what the machine has: the sbatch's 4 CPUs and 8G per task are overridden
# on the command line (1 CPU, 400M), so two shards run at a time on a 2-CPU machine.
cat > "$SLURM_CONF" <<CONF
ClusterName=stampsim-test
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool/%n
SlurmctldPidFile=$WORK/run/slurmctld.pid
SlurmdPidFile=$WORK/run/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
SlurmdParameters=config_overrides
ReturnToService=2
KillWait=5
MinJobAge=600
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -f "$SLURM_CONF" > "$WORK/slurmctld.stdout" 2>&1 &
DAEMONS+=($!)
slurmd -D -N "$NODE" -f "$SLURM_CONF" > "$WORK/slurmd.stdout" 2>&1 &
DAEMONS+=($!)
state=
for _ in $(seq 200); do
  state=$(sinfo -h -n "$NODE" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.3
done
[ "$state" = idle ] || skip "one-node Slurm does not come up (node state '${state}'): $(tail -n 2 "$WORK/slurmctld.log" "$WORK/slurmd.log" 2>/dev/null | tr '\n' ' ')"
log "Slurm $(sinfo -V | awk '{print $2}') up: node $NODE, $CPUS CPUs, slurmctld port $CTLD_PORT"

# --- stampsim, the spec, the single-machine sweep ----------------------------------------------
if [ -z "${STAMPSIM:-}" ]; then
  command -v dotnet >/dev/null || skip "dotnet not found"
  log "publishing stampsim ($CONFIGURATION)"
  dotnet publish "$REPO/src/StampSim.Cli" -c "$CONFIGURATION" -o "$WORK/app" -nologo -v q > "$WORK/publish.log" 2>&1 \
    || fail "dotnet publish failed: $(tail -n 5 "$WORK/publish.log")"
  export STAMPSIM="$WORK/app/stampsim"
fi
[ -x "$STAMPSIM" ] || fail "STAMPSIM=$STAMPSIM is not an executable"
log "stampsim: $STAMPSIM"
SPEC="$WORK/spec/slurm-test.yaml"
mkdir -p "$WORK/spec"
# The hardware axis varies fastest, so every shard runs each of its numerics settings once: a shard lasts
# four golden-engine runs (16 points, written in layer-major groups), long enough to be cancelled mid-run
# even on a quiet machine, where 8 points per shard once finished before the cancel landed.
cat > "$SPEC" <<YAML
trace: bundled
config: $REPO/hwconfigs/edge-npu.yaml
axes:
  numerics.hi_tokens: [0, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 96]
  mac_array.rows: [8, 16, 32, 64]
YAML
NAME=$(basename "$SPEC" .yaml)
"$STAMPSIM" sweep "$SPEC" --jobs "$CPUS" --out "$WORK/single" > "$WORK/single.log" 2>&1 || fail "single-machine sweep: $(tail -n 3 "$WORK/single.log")"
log "single machine: $(tail -n 1 "$WORK/single.log")"

# --- The array job -----------------------------------------------------------------------------
SUBMIT="$WORK/submit"
mkdir -p "$SUBMIT/logs"   # Slurm opens --output=logs/... before the script runs
cp "$REPO/docs/cluster/slurm-sweep.sbatch" "$SUBMIT/slurm-sweep.sbatch"
cd "$SUBMIT"
# submit ARRAY SPEC [N]: the documented file with the resources of this machine.
submit() { local array=$1; shift; sbatch --parsable --cpus-per-task=1 --mem=400M --array="$array" slurm-sweep.sbatch "$@"; }

wait_job() {
  local job=$1
  local queued
  for _ in $(seq 600); do
    # A failed query (a busy slurmctld) says nothing; only an empty answer means the job is done.
    if queued=$(squeue -h -j "$job" 2>/dev/null) && [ -z "$queued" ]; then return 0; fi
    sleep 0.3
  done
  fail "job $job still queued after 180 s: $(squeue -j "$job")"
}

task_state() { scontrol -o show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2; }

rows() { [ -f "$1/points.csv" ] && echo $(( $(wc -l < "$1/points.csv") - 1 )) || echo 0; }

same_as_single() {
  local f
  for f in points.csv pareto.csv sweep.json; do
    cmp -s "$WORK/single/$f" "$1/$f" || fail "$1/$f differs from the single-machine sweep"
  done
}

merge() {
  rm -rf "results/$NAME/merged"
  "$STAMPSIM" merge $(for i in $(seq 0 $((SHARDS - 1))); do echo "results/$NAME/shard-$i"; done) --out "results/$NAME/merged" > "$1" 2>&1
}

ARRAY=$(submit "0-$((SHARDS - 1))" "$SPEC")
JOBS+=("$ARRAY")
log "submitted array job $ARRAY (tasks 0-$((SHARDS - 1)))"
wait_job "$ARRAY"
for i in $(seq 0 $((SHARDS - 1))); do
  st=$(task_state "${ARRAY}_$i")
  [ "$st" = COMPLETED ] || fail "task ${ARRAY}_$i ended $st: $(tail -n 3 "logs/stampsim-${ARRAY}_$i.out")"
  log "task ${ARRAY}_$i $st: $(tail -n 1 "logs/stampsim-${ARRAY}_$i.out")"
done
merge "$WORK/merge1.log" || fail "merge: $(cat "$WORK/merge1.log")"
same_as_single "results/$NAME/merged"
log "merged $(rows "results/$NAME/merged") points; points.csv, pareto.csv and sweep.json are byte-identical to the single-machine sweep"

# --- Cancel one shard mid-run, resubmit, resume ------------------------------------------------
VICTIM=2
TOTAL=$(grep -o '"points": [0-9]*' "results/$NAME/shard-$VICTIM/sweep.json" | grep -o '[0-9]*$')
rm -rf "results/$NAME/shard-$VICTIM"
RERUN=$(submit "$VICTIM" "$SPEC" "$SHARDS")
JOBS+=("$RERUN")
log "shard $VICTIM from scratch: job $RERUN"
for _ in $(seq 600); do [ "$(rows "results/$NAME/shard-$VICTIM")" -ge 1 ] && break; sleep 0.1; done
st=$(task_state "${RERUN}_$VICTIM")
[ "$st" = RUNNING ] || fail "task ${RERUN}_$VICTIM is $st, not running, when it should be cancelled"
scancel "${RERUN}_$VICTIM"
wait_job "$RERUN"
done_rows=$(rows "results/$NAME/shard-$VICTIM")
log "cancelled task ${RERUN}_$VICTIM ($(task_state "${RERUN}_$VICTIM")) with $done_rows of $TOTAL points done"
[ "$done_rows" -lt "$TOTAL" ] || fail "task ${RERUN}_$VICTIM finished all $TOTAL points before it was cancelled"
if merge "$WORK/merge2.log"; then fail "merge accepted an incomplete shard"; fi
grep -q "incomplete shard" "$WORK/merge2.log" || fail "merge of an incomplete shard: $(cat "$WORK/merge2.log")"
log "merge refuses the cancelled shard: $(cat "$WORK/merge2.log")"

RESUME=$(submit "$VICTIM" "$SPEC" "$SHARDS")
JOBS+=("$RESUME")
log "resubmitted shard $VICTIM: job $RESUME"
wait_job "$RESUME"
st=$(task_state "${RESUME}_$VICTIM")
out="logs/stampsim-${RESUME}_$VICTIM.out"
[ "$st" = COMPLETED ] || fail "task ${RESUME}_$VICTIM ended $st: $(tail -n 3 "$out")"
grep -q "($done_rows already done" "$out" || fail "the resubmitted task did not resume from $done_rows points: $(tail -n 1 "$out")"
log "task ${RESUME}_$VICTIM $st: $(tail -n 1 "$out")"
merge "$WORK/merge3.log" || fail "merge after resume: $(cat "$WORK/merge3.log")"
same_as_single "results/$NAME/merged"
log "after cancel and resume: merged points.csv, pareto.csv and sweep.json are byte-identical to the single-machine sweep"
log "job ids: array $ARRAY, cancelled $RERUN, resumed $RESUME"
log "PASS"
