# Shared by behind-proxy.sh and bench-two-instances.sh: the shipped nginx files (deploy/nginx/)
# copied for an nginx that runs from a directory of its own, changed only by replacements that
# must each match. A replacement that matches nothing means the shipped line it was written for
# has changed, and the script must stop rather than run a file that is no longer the shipped one.
# shellcheck shell=bash

# shipped FILE SED-EXPRESSION: applies one replacement to FILE, a copy of a shipped file. When it
# changed nothing, prints why and returns 1 (callers: `why=$(shipped …) || fail "$why"`).
shipped() {
  cp "$1" "$1.before" || return 1
  if ! sed -i -e "$2" "$1"; then
    echo "sed could not apply '$2' to $(basename "$1")"
    return 1
  fi
  if cmp -s "$1" "$1.before"; then
    echo "'$2' matched nothing in the shipped $(basename "$1"): update the replacement with the shipped file"
    return 1
  fi
  rm -f "$1.before"
}

# shipped_main DIR: DIR/nginx.conf from deploy/nginx/nginx.conf, with its pid, its error log (at
# the shipped level; DIR/error.log) and its temporary files in DIR instead of the installed
# nginx's, and the site file from DIR/site.conf. Everything else (worker_processes,
# worker_connections, worker_rlimit_nofile, the timeouts) stays as shipped: it is what is tested.
# Prints why and returns 1 when a replacement did not match.
shipped_main() {
  local dir="$1" temp
  cp "$ROOT/deploy/nginx/nginx.conf" "$dir/nginx.conf" || return 1
  shipped "$dir/nginx.conf" "s#^pid /run/nginx.pid;#pid $dir/nginx.pid;#" || return 1
  shipped "$dir/nginx.conf" "s#^error_log /var/log/nginx/error.log warn;#error_log $dir/error.log warn;#" || return 1
  temp="client_body_temp_path $dir/client_body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fastcgi;"
  temp="$temp uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;"
  shipped "$dir/nginx.conf" "s#include /etc/nginx/conf.d/rusmiddelportalen.conf;#$temp include $dir/site.conf;#" || return 1
  # Without root, nginx ignores `user` with a warning, which a check of the log would count.
  if [ "$(id -u)" -ne 0 ]; then
    shipped "$dir/nginx.conf" "/^user www-data;/d" || return 1
  fi
}
