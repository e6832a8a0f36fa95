# Shared by the test command's shell checks (behind-proxy.sh, package-test.sh): one line per check,
# "ok: …" or "FAIL: …", and the counts scripts/test.sh reads from the last line, "N passed, N failed".
# shellcheck shell=bash
passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi
}
# A failure that leaves nothing further to check: counted, the counts printed, and the script ends.
give_up() {
  echo "FAIL: $1"
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
}
