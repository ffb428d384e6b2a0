import { indexKeys, keys } from '../storage/keys.ts';
import { getItem, putNew, putVersioned, queryPage } from '../storage/store.ts';
import type { Account } from './model.ts';

/** Storage of the account aggregate; the only module that spells its keys. */
const toItem = (account: Account) => ({
  ...keys.account(account.id),
  ...indexKeys.accountsByEmail(account.email, account.id),
  type: 'Account',
  ...account,
});

export const getAccount = (accountId: string) => getItem<Account>(keys.account(accountId));

export async function createAccount(account: Account, onExists: () => Error): Promise<void> {
  await putNew(toItem(account), onExists);
}

/** Writes `next` if nobody changed the account since `current` was read; returns the new version. */
export async function saveAccount(current: Account, next: Account): Promise<Account> {
  const version = await putVersioned(
    toItem({ ...next, updatedAt: new Date().toISOString() }),
    current.version,
  );
  return { ...next, version };
}

/** The owner recorded by a uniqueness guard (identifier or operator SIRET), if any. */
export async function guardOwner(kind: 'identifier' | 'operatorSiret', value: string) {
  return (await getItem<{ owner: string }>(keys.guard(kind, value)))?.owner;
}

export async function findAccountByIdentifier(identifier: string): Promise<Account | undefined> {
  const owner = await guardOwner('identifier', identifier);
  return owner ? getAccount(owner) : undefined;
}

export async function findAccountsByEmail(email: string): Promise<Account[]> {
  const { GSI2PK } = indexKeys.accountsByEmail(email);
  const page = await queryPage<Account>({
    index: 'GSI2',
    partition: { name: 'GSI2PK', value: GSI2PK },
    limit: 10,
  });
  return page.items;
}
