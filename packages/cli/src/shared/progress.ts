/**
 * The progress line on stderr while a large file is read: bytes read, rate and time left,
 * redrawn in place. Only when stderr is a terminal (never into pipes or CI logs), not with
 * --quiet, and only once reading has taken a second: short reads stay silent.
 */
export interface Progress {
  update(position: number, size: number): void;
  /** Clears the line. */
  done(): void;
}

const QUIET: Progress = { update() {}, done() {} };
const DELAY_MS = 1000;
const INTERVAL_MS = 200;

export function progressLine(label: string, stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return QUIET;
  const started = Date.now();
  let drawn = 0;
  let shown = false;
  return {
    update(position, size) {
      const now = Date.now();
      if (now - started < DELAY_MS || now - drawn < INTERVAL_MS) return;
      drawn = now;
      shown = true;
      const seconds = (now - started) / 1000;
      const rate = position / seconds;
      const known = Number.isFinite(size) && size > 0;
      const share = known ? ` ${Math.min(100, Math.floor((position / size) * 100))} %` : '';
      const left = known && rate > 0 ? `, ${clock((size - position) / rate)} left` : '';
      stream.write(`\r${label}:${share} ${megabytes(position)}${known ? ` of ${megabytes(size)}` : ''} MB, ${megabytes(rate)} MB/s${left}\x1b[K`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
