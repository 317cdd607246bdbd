/**
 * A progress bar per phase, in plain text on stdout. On a terminal it redraws one line (and a log
 * line printed meanwhile goes above it, the bar drawn again below); without one (CI, a pipe) it
 * prints the bar at each quarter, so a log shows the run moving without a wall of redraws.
 */
/** The bar on the terminal's last line, to redraw after a log line. */
let drawn: { redraw(): void } | null = null;
const isTty = (): boolean => Boolean(process.stdout.isTTY);

/** Print a line without breaking the bar being drawn. */
export function printLine(text: string): void {
  if (isTty() && drawn) {
    process.stdout.write(`\r\x1b[2K${text}\n`);
    drawn.redraw();
    return;
  }
  console.log(text);
}

export class Progress {
  private shown = -1;
  private line = '';
  private readonly tty = isTty();
  constructor(private readonly label: string, private readonly total: number, private readonly unit = '') {}

  update(done: number, note = ''): void {
    const frac = this.total <= 0 ? 1 : Math.min(1, done / this.total);
    const width = 24;
    const filled = Math.round(frac * width);
    this.line = `  ${this.label.padEnd(30)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}% ${done}/${this.total}${this.unit}${note ? `  ${note}` : ''}`;
    if (this.tty) {
      this.redraw();
      if (frac >= 1) {
        process.stdout.write('\n');
        drawn = null;
      }
      return;
    }
    const quarter = Math.floor(frac * 4);
    if (quarter > this.shown) {
      this.shown = quarter;
      console.log(this.line);
    }
  }

  redraw(): void {
    process.stdout.write(`\r\x1b[2K${this.line}`);
    drawn = { redraw: () => this.redraw() };
  }
}
