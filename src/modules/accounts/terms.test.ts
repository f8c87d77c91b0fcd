import assert from 'node:assert/strict';
import { submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

appTest('the sign-up checkbox’s label links the terms of use and the privacy notice it names', async (app) => {
  const en = await app.inject({ url: '/en/sign-up' });
  assert.ok(
    en.body.includes(
      '<label for="terms">I accept the <a href="/en/terms">terms of use</a> and have read the <a href="/en/privacy">privacy notice</a></label>',
    ),
  );
  const fi = await app.inject({ url: '/fi/sign-up' });
  assert.ok(fi.body.includes('Hyväksyn <a href="/fi/terms">käyttöehdot</a> ja olen lukenut <a href="/fi/privacy">tietosuojaselosteen</a>'));
  const refused = await submit(app, '/en/sign-up', { name: 'Ana', email: 'ana@example.si', password: 'x', terms: '' });
  assert.equal(refused.statusCode, 422);
  assert.ok(
    refused.body.includes('<a href="#terms">I accept the terms of use and have read the privacy notice: '),
    'the error summary names the field in plain words',
  );
  assert.match(refused.body, /<label for="terms">I accept the <a href="\/en\/terms">/, 'the links stay after an error');
});
