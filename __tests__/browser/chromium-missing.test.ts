/** Without Debian's Chromium the browser tests fail loudly and say how to install it; they never skip. */
import { assertChromium, ChromiumMissingError, CHROMIUM_ARGS } from '../../harness/browser/chromium';

describe('the browser tests need Debian chromium', () => {
  it('a missing browser is an error naming the apt package, not a skip', () => {
    expect(() => assertChromium('/nonexistent/chromium')).toThrow(ChromiumMissingError);
    expect(() => assertChromium('/nonexistent/chromium')).toThrow(/apt-get update && apt-get install -y chromium/);
  });

  it('launches with the flags a closed network needs (no background networking, sync or updates)', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']));
  });
});
