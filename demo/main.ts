/** `npm start`: the end-to-end demo. Until the order handoff lands it builds the bundle and says what is not there yet. */
import { build } from '../tools/build/build';

async function main(): Promise<void> {
  console.log('Building the SuiteScript bundle…');
  const stats = await build();
  const assets = stats.toJson({ all: false, assets: true }).assets ?? [];
  console.log(`Built ${assets.length} script(s): ${assets.map((a) => a.name).join(', ')}`);
  console.log('Not yet: the end-to-end order handoff demo (sandbox + Scend simulator) arrives with issue 5.');
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
