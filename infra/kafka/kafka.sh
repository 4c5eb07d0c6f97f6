#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, combined broker+controller) without Docker.
#
#   bash infra/kafka/kafka.sh start    # fetch jars (Maven) if needed, format once, start, wait until ready
#   bash infra/kafka/kafka.sh stop     # SIGTERM, wait up to 30 s, then SIGKILL
#   bash infra/kafka/kafka.sh status   # prints running/stopped; exit 0 if running, 1 if not
#   bash infra/kafka/kafka.sh restart
#
# Environment (all optional):
#   KAFKA_PORT             PLAINTEXT listener port          (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller listener port   (default 9093)
#   KAFKA_DATA_DIR         data/log/pid dir                 (default <repo>/.data/kafka)
#   KAFKA_HEAP_OPTS        JVM heap flags                   (default "-Xms256m -Xmx768m")
#   KAFKA_START_TIMEOUT    seconds to wait for readiness    (default 90)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM    (default 30)
#   JAVA_HOME              Java 17+ to use (else `java` on PATH)
#
# Files under the data dir: server.properties and log4j2.properties (generated on
# every start), kraft-logs/ (topic data + metadata), logs/server.log (broker log,
# size-capped), kafka.out (JVM stdout/stderr), kafka.pid.
#
# CLI tools are in the jars too, e.g.:
#   java -cp 'infra/kafka/.cache/libs/*' org.apache.kafka.tools.TopicCommand \
#        --bootstrap-server 127.0.0.1:9092 --list
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

DATA_DIR="${KAFKA_DATA_DIR:-$REPO_ROOT/.data/kafka}"
case "$DATA_DIR" in /*) ;; *) DATA_DIR="$PWD/$DATA_DIR" ;; esac

POM="$SCRIPT_DIR/pom.xml"
CACHE_DIR="$SCRIPT_DIR/.cache"
LIBS_DIR="$CACHE_DIR/libs"
LIBS_STAMP="$CACHE_DIR/libs.stamp"

PID_FILE="$DATA_DIR/kafka.pid"
LOCK_FILE="$DATA_DIR/kafka.lock"
SERVER_PROPS="$DATA_DIR/server.properties"
LOG4J_PROPS="$DATA_DIR/log4j2.properties"
KRAFT_LOG_DIR="$DATA_DIR/kraft-logs"
APP_LOG_DIR="$DATA_DIR/logs"
SERVER_LOG="$APP_LOG_DIR/server.log"
OUT_LOG="$DATA_DIR/kafka.out"

READY_PATTERN='Kafka Server started'

log() { printf '[kafka] %s\n' "$*" >&2; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java not found (Java 17+ required); set JAVA_HOME or put java on PATH"
  fi
}

check_java_version() {
  local java="$1" ver major
  ver="$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  major="${ver%%.*}"
  [[ "$major" == 1 ]] && major="$(cut -d. -f2 <<<"$ver")"
  if [[ -n "$major" && "$major" =~ ^[0-9]+$ && "$major" -lt 17 ]]; then
    die "Kafka 4.x needs Java 17+, found $ver at $java"
  fi
}

# --- process helpers -------------------------------------------------------

read_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  printf '%s\n' "$pid"
}

# Alive AND really our broker (guards against PID reuse after a reboot/crash).
is_our_broker() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    local cmd
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    [[ "$cmd" == *kafka.Kafka*"$SERVER_PROPS"* ]] || return 1
  fi
  return 0
}

running_pid() {
  local pid
  pid="$(read_pid)" || return 1
  is_our_broker "$pid" || return 1
  printf '%s\n' "$pid"
}

# PLAINTEXT port the running broker was started with (from its generated config).
configured_port() {
  sed -n 's|^listeners=PLAINTEXT://[^,]*:\([0-9][0-9]*\).*|\1|p;T;q' "$SERVER_PROPS" 2>/dev/null || true
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Byte offset of server.log when this start began: diagnostics show only this run's lines.
LOG_OFFSET=0

log_tail() {
  local size
  size="$(stat -c %s "$SERVER_LOG" 2>/dev/null || echo 0)"
  ((size < LOG_OFFSET)) && LOG_OFFSET=0
  if ((size > LOG_OFFSET)); then
    printf -- '----- last lines of %s -----\n' "$SERVER_LOG" >&2
    tail -c "+$((LOG_OFFSET + 1))" "$SERVER_LOG" | tail -n 40 >&2 || true
  fi
  if [[ -s "$OUT_LOG" ]]; then
    printf -- '----- last lines of %s -----\n' "$OUT_LOG" >&2
    tail -n 40 "$OUT_LOG" >&2 || true
  fi
}

with_lock() {
  mkdir -p "$DATA_DIR"
  exec 9>"$LOCK_FILE"
  if command -v flock >/dev/null 2>&1; then
    flock -w 180 9 || die "could not get lock $LOCK_FILE"
  fi
}

# --- jars ------------------------------------------------------------------

pom_hash() { cksum <"$POM" | tr -d ' \n'; }

libs_ok() {
  [[ -f "$LIBS_STAMP" && "$(cat "$LIBS_STAMP")" == "$(pom_hash)" ]] || return 1
  compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null || return 1
  compgen -G "$LIBS_DIR/kafka-clients-*.jar" >/dev/null || return 1
  compgen -G "$LIBS_DIR/kafka-tools-*.jar" >/dev/null || return 1
  compgen -G "$LIBS_DIR/log4j-core-*.jar" >/dev/null || return 1
  return 0
}

fetch_libs() {
  libs_ok && return 0
  command -v mvn >/dev/null 2>&1 || die "mvn not found; Maven is needed to fetch the Kafka jars"
  log "fetching Kafka jars with Maven into $LIBS_DIR ..."
  rm -rf "$LIBS_DIR" "$LIBS_STAMP"
  mkdir -p "$LIBS_DIR"
  local mvn_log="$CACHE_DIR/mvn.log"
  if ! mvn -B -q -Dstyle.color=never -f "$POM" generate-resources </dev/null >"$mvn_log" 2>&1; then
    tail -n 60 "$mvn_log" >&2 || true
    die "Maven failed to fetch the Kafka jars (full output: $mvn_log)"
  fi
  pom_hash >"$LIBS_STAMP"
  libs_ok || die "Maven ran but the jars in $LIBS_DIR look incomplete"
  log "jars ready ($(find "$LIBS_DIR" -name '*.jar' | wc -l) files)"
}

# --- config ----------------------------------------------------------------

write_configs() {
  mkdir -p "$KRAFT_LOG_DIR" "$APP_LOG_DIR"
  cat >"$SERVER_PROPS" <<EOF
# Generated by infra/kafka/kafka.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT

log.dirs=${KRAFT_LOG_DIR}
num.partitions=3
auto.create.topics.enable=true
delete.topic.enable=true

# single node: every internal topic with replication factor 1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0

num.network.threads=3
num.io.threads=8
log.retention.hours=168
log.segment.bytes=104857600
log.retention.check.interval.ms=300000
EOF

  cat >"$LOG4J_PROPS" <<EOF
# Generated by infra/kafka/kafka.sh. Broker log goes to a size-capped rolling file;
# only warnings/errors reach stdout (kafka.out).
status = warn
name = riskledger-kafka

appender.file.type = RollingFile
appender.file.name = FILE
appender.file.fileName = ${SERVER_LOG}
appender.file.filePattern = ${SERVER_LOG}.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 10MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3

appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
appender.console.filter.threshold.type = ThresholdFilter
appender.console.filter.threshold.level = WARN

rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
rootLogger.appenderRef.console.ref = STDOUT

logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = INFO
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.network.name = kafka.network.RequestChannel\$
logger.network.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = INFO
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
EOF
}

java_common_opts() {
  # shellcheck disable=SC2206
  local heap=($KAFKA_HEAP_OPTS)
  printf '%s\n' "${heap[@]}" \
    -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dlog4j2.shutdownHookEnabled=false \
    "-Dlog4j2.configurationFile=file:$LOG4J_PROPS" \
    "-Dkafka.logs.dir=$APP_LOG_DIR"
}

format_storage() {
  local java="$1"
  if [[ -f "$KRAFT_LOG_DIR/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  cluster_id="$("$java" -cp "$LIBS_DIR/*" "-Dlog4j2.configurationFile=file:$LOG4J_PROPS" \
    kafka.tools.StorageTool random-uuid 2>>"$OUT_LOG" | tail -n1 | tr -d '[:space:]')"
  [[ -n "$cluster_id" ]] || die "could not generate a cluster id (see $OUT_LOG)"
  log "formatting storage in $KRAFT_LOG_DIR (cluster id $cluster_id) ..."
  if ! "$java" -cp "$LIBS_DIR/*" "-Dlog4j2.configurationFile=file:$LOG4J_PROPS" \
      kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" -c "$SERVER_PROPS" \
      >>"$OUT_LOG" 2>&1 </dev/null; then
    log_tail
    die "kafka-storage format failed"
  fi
}

# --- subcommands -----------------------------------------------------------

wait_ready() {
  local pid="$1" log_offset="$2" deadline=$((SECONDS + START_TIMEOUT))
  LOG_OFFSET="$log_offset"
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail
      rm -f "$PID_FILE"
      die "broker process $pid exited during startup"
    fi
    if port_open "$KAFKA_PORT"; then
      local size
      size="$(stat -c %s "$SERVER_LOG" 2>/dev/null || echo 0)"
      # server.log rolled during startup -> scan it from the beginning
      ((size < log_offset)) && log_offset=0
      if [[ -f "$SERVER_LOG" ]] && tail -c "+$((log_offset + 1))" "$SERVER_LOG" | grep -F "$READY_PATTERN" >/dev/null; then
        return 0
      fi
    fi
    if ((SECONDS >= deadline)); then
      log_tail
      die "broker (pid $pid) not ready after ${START_TIMEOUT}s; it is still running, use '$0 stop' to kill it"
    fi
    sleep 0.5
  done
}

cmd_start() {
  with_lock
  local pid
  if pid="$(running_pid)"; then
    local cur_port
    cur_port="$(configured_port)"
    if [[ -n "$cur_port" && "$cur_port" != "$KAFKA_PORT" ]]; then
      die "broker already running (pid $pid) on port $cur_port, not $KAFKA_PORT; run '$0 stop' first"
    fi
    if port_open "$KAFKA_PORT"; then
      log "already running (pid $pid, 127.0.0.1:$KAFKA_PORT)"
      return 0
    fi
    log "process $pid exists but port $KAFKA_PORT is not answering yet; waiting ..."
    wait_ready "$pid" 0
    log "ready (pid $pid, 127.0.0.1:$KAFKA_PORT)"
    return 0
  fi
  rm -f "$PID_FILE"

  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is already in use by another process (not started by this script); set KAFKA_PORT"
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_CONTROLLER_PORT is already in use; set KAFKA_CONTROLLER_PORT"
  fi

  local t0=$SECONDS java
  java="$(java_bin)"
  check_java_version "$java"
  fetch_libs
  write_configs
  : >"$OUT_LOG"
  local log_offset
  log_offset="$(stat -c %s "$SERVER_LOG" 2>/dev/null || echo 0)"
  LOG_OFFSET="$log_offset"
  format_storage "$java"

  local -a opts
  mapfile -t opts < <(java_common_opts)

  log "starting broker on 127.0.0.1:$KAFKA_PORT (data: $DATA_DIR) ..."
  # New session (setsid) + nohup + no inherited fds: survives the calling shell/CI step.
  # The wrapper shell records its own PID, then exec()s java, so the PID is java's.
  (
    cd "$DATA_DIR"
    # shellcheck disable=SC2016
    exec setsid nohup bash -c '
      pidfile="$1"; shift
      for fd in /proc/$$/fd/*; do
        fd="${fd##*/}"
        [[ "$fd" =~ ^[0-9]+$ ]] && ((fd > 2)) && eval "exec ${fd}>&-" 2>/dev/null
      done
      echo $$ >"$pidfile"
      exec "$@"
    ' kafka-launcher "$PID_FILE" \
      "$java" "${opts[@]}" -cp "$LIBS_DIR/*" kafka.Kafka "$SERVER_PROPS" \
      >>"$OUT_LOG" 2>&1 </dev/null
  ) &
  disown $! 2>/dev/null || true

  local i
  for ((i = 0; i < 100; i++)); do
    pid="$(read_pid 2>/dev/null)" && break
    sleep 0.1
  done
  [[ -n "${pid:-}" ]] || { log_tail; die "broker did not start (no pid file)"; }

  wait_ready "$pid" "$log_offset"
  log "ready (pid $pid, 127.0.0.1:$KAFKA_PORT) after $((SECONDS - t0))s"
}

cmd_stop() {
  with_lock
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping broker (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.3
  done
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid port
  if pid="$(running_pid)"; then
    port="$(configured_port)"
    port="${port:-$KAFKA_PORT}"
    if port_open "$port"; then
      echo "running (pid $pid, 127.0.0.1:$port, data $DATA_DIR)"
    else
      echo "running (pid $pid, port $port not answering yet, data $DATA_DIR)"
    fi
    return 0
  fi
  echo "stopped"
  return 1
}

usage() {
  echo "usage: $0 {start|stop|status|restart}" >&2
  exit 2
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart) cmd_stop; exec 9>&-; cmd_start ;;
  *) usage ;;
esac
