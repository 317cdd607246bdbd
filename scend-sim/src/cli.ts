import { startSimulator } from './http/server';

/**
 * `npm run scend:sim`: the simulator on its own, with the demo catalogue.
 * Environment: SCEND_SIM_PORT (default 4010), SCEND_SIM_API_KEY (default random), SCEND_SIM_SEED,
 * SCEND_SIM_UNIQUE_REF=1 (reject reused ClientReferences), SCEND_SIM_RATE_LIMIT (per minute; 0 = off),
 * SCEND_SIM_TLS=1 (also serve HTTPS with a self-signed certificate, printed for clients to trust),
 * SCEND_SIM_AUTOPILOT=1 (the warehouse moves by itself, on real time, with the default delays).
 */
async function main(): Promise<void> {
  const env = process.env;
  const sim = await startSimulator({
    port: env.SCEND_SIM_PORT === undefined ? 4010 : Number(env.SCEND_SIM_PORT),
    apiKey: env.SCEND_SIM_API_KEY,
    seed: env.SCEND_SIM_SEED === undefined ? undefined : Number(env.SCEND_SIM_SEED),
    uniqueClientReference: env.SCEND_SIM_UNIQUE_REF === '1',
    rateLimitPerMinute: env.SCEND_SIM_RATE_LIMIT === undefined ? undefined : Number(env.SCEND_SIM_RATE_LIMIT),
    catalogue: 'demo',
    tls: env.SCEND_SIM_TLS === '1',
    ...(env.SCEND_SIM_AUTOPILOT === '1' && { autopilot: { enabled: true } }),
  });
  // The key is printed once, to the operator's own terminal, so a developer can paste it into NetSuite.
  console.log(`Scend simulator listening on ${sim.url}`);
  if (sim.secureUrl) console.log(`HTTPS on ${sim.secureUrl}, certificate to trust:\n${sim.caPem}`);
  console.log(`API key (X-Api-Key): ${sim.apiKey}`);
  console.log(`Control surface: ${sim.url}/_sim (no key) · contract: docs/scend-openapi.yaml · Ctrl-C to stop`);
  const stop = () => {
    void sim.close(); // the process ends once the server and its timers are closed
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
