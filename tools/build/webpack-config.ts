/**
 * webpack configuration that turns each entry point in src/ts/scripts into one SuiteScript 2.1
 * AMD file: the entry's JSDoc header first, exactly one define(), N/* kept as AMD dependencies,
 * shared code bundled in, ES2019, deterministic bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SCRIPTS_DIR = path.join(ROOT, 'src', 'ts', 'scripts');
export const OUTPUT_DIR = path.join(ROOT, 'src', 'FileCabinet', 'SuiteScripts', 'scend_connector');

const HEADER = /^\s*(\/\*\*[\s\S]*?@NApiVersion[\s\S]*?\*\/)/;

/** The JSDoc header NetSuite reads; it must open the entry file. */
export function readHeader(file: string): string {
  const match = HEADER.exec(fs.readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${path.relative(ROOT, file)}: entry point has no leading @NApiVersion JSDoc header`);
  return match[1];
}

export function entryPoints(dir = SCRIPTS_DIR): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.ts') && !name.endsWith('.d.ts')) entries[name.replace(/\.ts$/, '')] = path.join(dir, name);
  }
  return entries;
}

export function webpackConfig(entries = entryPoints(), outputDir = OUTPUT_DIR): webpack.Configuration {
  const headers = Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, readHeader(file)]));
  return {
    mode: 'production',
    context: ROOT,
    target: ['es2019'],
    entry: entries,
    devtool: false,
    output: {
      path: outputDir,
      filename: '[name].js',
      chunkFormat: false,
      chunkLoading: false,
      environment: { arrowFunction: true, const: true, destructuring: true, forOf: true, optionalChaining: false },
      library: { type: 'amd' },
      clean: { keep: /\.gitkeep$/ },
    },
    externalsType: 'amd',
    externals: [/^N\//, /^N$/],
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { configFile: path.join(ROOT, 'src', 'ts', 'tsconfig.json'), transpileOnly: true },
        },
      ],
    },
    optimization: {
      minimize: false,
      moduleIds: 'deterministic',
      chunkIds: 'deterministic',
      concatenateModules: true,
      splitChunks: false,
      runtimeChunk: false,
    },
    performance: { hints: false },
    plugins: [
      new webpack.BannerPlugin({
        raw: true,
        entryOnly: true,
        banner: ({ chunk }) => `${headers[chunk.name ?? '']}\n`,
      }),
    ],
  };
}
