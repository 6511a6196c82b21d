// One AWS IoT call through @aws-sdk/client-iot, for NanoFleet.ControlPlane.Tests:
//   node iot.mjs ENDPOINT REGION OPERATION 'JSON INPUT'      (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
// Prints the SDK's output as JSON and exits 0, or prints {"error","status","message"} as the SDK parsed
// the service's error and exits 1. Any other failure (a bad operation name, no reply) exits 2.
import * as iot from "@aws-sdk/client-iot";

const [endpoint, region, operation, input] = process.argv.slice(2);
const Command = iot[`${operation}Command`];
if (!Command) {
  console.error(`no command ${operation}Command in @aws-sdk/client-iot`);
  process.exit(2);
}

const client = new iot.IoTClient({ endpoint, region, maxAttempts: 1 });
try {
  const { $metadata, ...output } = await client.send(new Command(JSON.parse(input ?? "{}")));
  console.log(JSON.stringify({ ...output, httpStatusCode: $metadata.httpStatusCode }));
} catch (error) {
  if (error.$metadata?.httpStatusCode === undefined) {
    console.error(error.stack ?? String(error));
    process.exit(2);
  }
  console.log(JSON.stringify({ error: error.name, status: error.$metadata.httpStatusCode, message: error.message }));
  process.exit(1);
}
