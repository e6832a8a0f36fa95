# The pages the benchmarks load, as BENCHMARKS.md names them: shared by bench.sh (closed loop, wrk)
# and bench-open-loop.sh (open loop, oha), so one page reads the same in both tables. Each script
# adds the pages only it loads.
# shellcheck shell=bash
declare -A NAME=(
  ["/"]="\`/\` (choose municipality)"
  ["/ishoj"]="\`/ishoj\` (start page)"
  ["/ishoj/rettigheder"]="\`/ishoj/rettigheder\` (rights overview)"
  ["/ishoj/book"]="\`/ishoj/book\` (kinds of talk)"
  ["/ishoj/book?samtale=fremmoede"]="\`/ishoj/book?samtale=fremmoede\` (free times, reads the store)"
)
