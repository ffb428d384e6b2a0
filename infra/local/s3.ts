import S3rver from 's3rver';
import { reservePort } from './ports.ts';

/** Browser uploads (presigned POST) and downloads come from the front end's origin. */
const CORS_CONFIGURATION = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** s3rver (credentials S3RVER/S3RVER, path-style); it checks neither signatures nor POST policies. */
export async function startS3(options: { port: number; directory: string; bucketName: string }) {
  const port = await reservePort(options.port, 'S3', 'LOCAL_S3_PORT');
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucketName, configs: [CORS_CONFIGURATION] }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
