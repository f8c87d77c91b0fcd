import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressPattern, isDisposable, networkOf, normaliseAddress } from './service/addresses.ts';

test('addresses are normalised the way each provider delivers them', () => {
  const cases: [string, string][] = [
    ['A.B.C+1@gmail.com', 'abc@gmail.com'],
    ['a.b.c@GoogleMail.com', 'abc@gmail.com'],
    ['a.b.c+tag@outlook.com', 'a.b.c@outlook.com'],
    ['bob+x@hotmail.com', 'bob@hotmail.com'],
    ['bob+x@live.com', 'bob@live.com'],
    ['jane-news@yahoo.com', 'jane@yahoo.com'],
    ['jane+news@yahoo.com', 'jane+news@yahoo.com'],
    ['me+a@icloud.com', 'me@icloud.com'],
    ['me+a@me.com', 'me@icloud.com'],
    ['x+y@protonmail.com', 'x@proton.me'],
    ['x+y@fastmail.com', 'x@fastmail.com'],
    ['First.Last+1@example.eu', 'first.last+1@example.eu'],
    ['  Upper@Example.EU ', 'upper@example.eu'],
  ];
  for (const [given, expected] of cases) assert.equal(normaliseAddress(given), expected, given);
});

test('throwaway domains are recognised from the maintained list, subdomains included', () => {
  assert.equal(isDisposable('a@mailinator.com'), true);
  assert.equal(isDisposable('a@yopmail.com'), true);
  assert.equal(isDisposable('a@x.mailinator.com'), true);
  assert.equal(isDisposable('a@gmail.com'), false);
  assert.equal(isDisposable('a@stara-zagora.bg'), false);
});

test('networks are IPv4 /24 and IPv6 /64; address patterns catch name+digits', () => {
  assert.equal(networkOf('192.0.2.17'), '192.0.2.0/24');
  assert.equal(networkOf('::ffff:192.0.2.17'), '192.0.2.0/24');
  assert.equal(networkOf('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  assert.equal(networkOf('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressPattern('anna17@example.eu'), 'anna#@example.eu');
  assert.equal(addressPattern('anna@example.eu'), '');
});
