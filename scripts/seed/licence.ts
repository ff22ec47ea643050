/**
 * The demo applications' 营业执照 photo: a small placeholder drawing of a licence (not a real
 * one), put into the local cloud's storage at seed time so the review card has a photo to show.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { connectSdk } from '../../localcloud/sdk';

export const DEMO_LICENCE_PATH = 'demo/licence-sample.png';
/** The fileID the local cloud (env localcloud) gives DEMO_LICENCE_PATH. */
export const DEMO_LICENCE_FILE_ID = `cloud://localcloud.localcloud-1250000000/${DEMO_LICENCE_PATH}`;

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAPAAAACoCAYAAADeiGMIAAAES0lEQVR4Ae3BsW1cSRZA0bsPP4yxibILRCXABNruKDqCNjoCRfFtemMxgQJRdoHJ7ELGAEKjJYgipa43e8/5z99//fVfJKUUSEorkJRWICmtQFJagaS0Nr7j6e0VSWt4eXjklkBSWoGktAJJaQWS0gokpbXxTi8Pj0j6PZ7eXnmPjV/w9PaKpM/18vDIewWS0gokpRVISiuQlFYgKa1AUlqBpLQCSWkFktIKJKUVSEorkJTWhj7k5eER/bqnt1f06wJJaQWS0gokpRVISiuQlFYgKa1AUlqBpLQCSWlt6EOe3l6R7iWQlFYgKa1AUlqBpLQCSWkFktIKJKUVSEorkJRWICmtQFJagaS0AklpBZLSCiSlFUhKK5CUViAprUBSWht3cr58QVrd5XxiZYGktAJJaQWS0gokpbVxJ5fzCUkfE0hKK5CUViAprUBSWoGktAJJaQWS0gokpRVISiuQlFYgKa1AUlobd3K+fEFa3eV8YmWBpLQCSWkFktIKJKW1cSeX8wlJHxNISiuQlFYgKa1AUlqBpLQCSWkFktIKJKUVSEorkJRWICmtQFJaG3dyvnxBWt3lfGJlgaS0AklpBZLSCiSltXEnl/MJSR8TSEorkJRWICmtQFJagaS0AklpBZLSCiSlFUhKK5CUViAprUBSWht3cr58QfpMh33nvZ6PR37kcj6xsg0pucO+86sO+85Xz8cjGW1ISR32nc9y2He+ej4eySSQkjnsO4d952c9H4/8rMO+c9h3stiQEjnsOz/yfDxyy/PxyLXDvvM9h33n+XhkdRt3cjmfkN5jlMYtdXb+UXmH84l/jNK4dth3OJ9YWSAlMErjljo7n6HOzi2jNFYWSIsbpXFLnZ3PVGfnllEaqwqkhY3SuFZnp87O71Bnp87OtVEaKwokpRVIixqlca3Ozp9QZ+faKI3VBFISdXb+pDo7qwukBY3S+FadnXuos/OtURorCSSlFUiLGaWxslEaqwikxdXZuac6O6sKJKUVSEpr407Oly/o97ucT+jfK5CUViAtrM7OCursrCiQFjZKYwWjNFYUSEpr404u5xOSPiaQlFYgKa1AWtwojXsapbGqQFpMnZ2V1dlZRSAprUBaUJ2db43SuIdRGt+qs7OSQEpilMafNEpjdYG0qDo710Zp/AmjNK7V2VlNICmtQFpYnZ1rozRGafwOozRGaVyrs7OiQFpcnZ1bRml8plEat9TZWVUgJVBn55ZRGp9hlMYtdXZWtiElUWdnlMa1URr/qLPzs0Zp/EidndVtSInU2Rml8T2jNK7V2Rml8R51djLYkJKps/PVKI2fMUrjZ9XZyWRDSqrOzlejND6qzk5GG1JydXa+GqXxXnV2MtuQ/iXq7Py/CSSlFUhKK5CU1sYveHl4RNL9bbzT09srktYQSEorkJRWICmtQFJagaS0Nr7j5eERSWsLJKUVSEorkJRWICmtQFJa/wMpKc4CqsjvhwAAAABJRU5ErkJggg==';

export function demoLicencePng(): Buffer {
  return Buffer.from(PNG_BASE64, 'base64');
}

/** Store the placeholder: through the SDK into a running local cloud, or into a stopped one's data folder. */
export async function storeDemoLicence(target: { url: string } | { dataDir: string }): Promise<void> {
  if ('dataDir' in target) {
    const file = join(target.dataDir, 'storage', DEMO_LICENCE_PATH);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, demoLicencePng());
    return;
  }
  await connectSdk(target.url).cloud.uploadFile({ cloudPath: DEMO_LICENCE_PATH, fileContent: demoLicencePng() });
}
