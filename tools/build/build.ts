/** `npm run build`: one SuiteScript 2.1 AMD file per entry point into src/FileCabinet. */
import * as path from 'node:path';
import webpack from 'webpack';
import { OUTPUT_DIR, ROOT, webpackConfig } from './webpack-config';

export function build(config = webpackConfig()): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'build failed'));
      resolve(stats);
    });
  });
}

if (require.main === module) {
  build()
    .then((stats) => {
      const assets = stats.toJson({ all: false, assets: true }).assets ?? [];
      for (const a of assets) console.log(`built ${path.relative(ROOT, path.join(OUTPUT_DIR, a.name))} (${a.size} bytes)`);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exitCode = 1;
    });
}
