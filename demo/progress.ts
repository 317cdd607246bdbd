/**
 * A progress bar per phase, in plain text on stdout. On a terminal it redraws one line; without
 * one (CI, a pipe) it prints the bar at each quarter, so a log shows the run moving.
 */
export class Progress {
  private shown = -1;
  private readonly tty = Boolean(process.stdout.isTTY);
  constructor(private readonly label: string, private readonly total: number, private readonly unit = '') {}

  update(done: number, note = ''): void {
    const frac = this.total <= 0 ? 1 : Math.min(1, done / this.total);
    const width = 24;
    const filled = Math.round(frac * width);
    const line = `  ${this.label.padEnd(30)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}% ${done}/${this.total}${this.unit}${note ? `  ${note}` : ''}`;
    if (this.tty) {
      process.stdout.write(`\r${line.padEnd(110)}`);
      if (frac >= 1) process.stdout.write('\n');
      return;
    }
    const quarter = Math.floor(frac * 4);
    if (quarter > this.shown) {
      this.shown = quarter;
      console.log(line);
    }
  }
}
