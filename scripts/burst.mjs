// A burst of citizens booking at once through the proxy, for scripts/behind-proxy.sh: N clients,
// each on a connection of its own (as N phones would be), all POST the same booking form, and
// every request is started before any answer is read, so nginx has all N at once. Node's own
// https module, so the test needs no package beyond Node itself.
//
//   node scripts/burst.mjs URL N FORM-BODY
//
// Prints one `key=value` line per figure (read by behind-proxy.sh) and exits 0: judging the
// figures is the caller's business, so a failed check still shows every number.
import https from "node:https";
import zlib from "node:zlib";

const [url, count, form] = process.argv.slice(2);
const n = Number(count);
if (!url || !Number.isInteger(n) || n < 1 || form === undefined) {
  console.error("usage: node scripts/burst.mjs URL N FORM-BODY");
  process.exit(2);
}

// A receipt shows the booking's label (app/src/components/booking.rs, Receipt); a client that
// lost the race gets the page again with slot_error(Full) (app/src/text/booking.rs): the same
// two marks server/examples/bench.rs looks for.
const RECEIPT = 'id="label"';
const TAKEN = "Tiden er lige blevet taget af en anden.";
// A client with no answer after this long counts as dropped: a citizen would have given up, and
// the test must end well inside its two minutes. Below nginx's proxy_read_timeout (60 s), so a
// booking that slow counts as dropped here before nginx could turn it into a 504.
const GIVE_UP_MS = 45_000;

// keepAlive off and no session cache: every request opens a TCP connection and a full TLS
// handshake of its own, as separate phones would; none waits for another's socket.
// rejectUnauthorized off: the test's certificate is a throwaway self-signed one.
const agent = new https.Agent({ keepAlive: false, maxSockets: Infinity, maxCachedSessions: 0, rejectUnauthorized: false });
const body = Buffer.from(form);

const tally = { answered: 0, receipts: 0, taken: 0, other: 0, dropped: 0 };
const otherStatuses = {};
const errors = {};
let firstAnswerAfterStarted = null;
let started = 0;
let settled = 0;
const t0 = process.hrtime.bigint();
const seconds = () => Number(process.hrtime.bigint() - t0) / 1e9;

await new Promise((done) => {
  const settle = () => {
    settled += 1;
    if (settled === n) done();
  };
  for (let i = 0; i < n; i++) {
    const req = https.request(url, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": body.length,
        // As a browser asks: the portal compresses its pages, so the proxy carries what it
        // carries for real citizens.
        "accept-encoding": "br, gzip",
      },
    });
    let finished = false;
    const finish = (outcome) => {
      if (finished) return;
      finished = true;
      outcome();
      settle();
    };
    req.setTimeout(GIVE_UP_MS, () => req.destroy(Object.assign(new Error("no answer in time"), { code: "TIMEOUT" })));
    req.on("error", (e) =>
      finish(() => {
        tally.dropped += 1;
        const code = e.code || e.message;
        errors[code] = (errors[code] || 0) + 1;
      }),
    );
    req.on("response", (res) => {
      if (firstAnswerAfterStarted === null) firstAnswerAfterStarted = started;
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", () => {}); // the request's own error handler counts it
      res.on("end", () =>
        finish(() => {
          let page = "";
          try {
            let raw = Buffer.concat(chunks);
            const encoding = res.headers["content-encoding"];
            if (encoding === "br") raw = zlib.brotliDecompressSync(raw);
            else if (encoding === "gzip") raw = zlib.gunzipSync(raw);
            page = raw.toString("utf8");
          } catch {
            // A page cut short does not decompress: an answer, but neither a receipt nor a
            // refusal, so it lands under `other`.
          }
          tally.answered += 1;
          if (res.statusCode === 200 && page.includes(RECEIPT)) tally.receipts += 1;
          else if (res.statusCode === 200 && page.includes(TAKEN)) tally.taken += 1;
          else {
            tally.other += 1;
            otherStatuses[res.statusCode] = (otherStatuses[res.statusCode] || 0) + 1;
          }
        }),
      );
    });
    req.end(body);
    started += 1;
  }
});

const list = (o) => Object.entries(o).map(([k, v]) => `${k}:${v}`).join(",") || "none";
console.log(`clients=${n}`);
console.log(`started_before_first_answer=${firstAnswerAfterStarted ?? started}`);
for (const [k, v] of Object.entries(tally)) console.log(`${k}=${v}`);
console.log(`other_statuses=${list(otherStatuses)}`);
console.log(`errors=${list(errors)}`);
console.log(`seconds=${seconds().toFixed(2)}`);
