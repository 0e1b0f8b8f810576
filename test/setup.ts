import nock from 'nock';
import { afterAll } from 'vitest';

// No test touches the internet: only loopback (our own server on port 0) is allowed.
nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(:\d+)?$/.test(host));

afterAll(() => {
  nock.cleanAll();
});
