// shared/policy.ts is DESIGN.md's visibility table: any change to it must change this test too.
import { describe, expect, it } from 'vitest';
import { locationFor } from '../../api/src/modules/structures/registry.ts';
import { policy, visibleFor } from '../../shared/src/policy.ts';

describe('the policy table', () => {
  it("is DESIGN.md's, cell by cell", () => {
    expect(policy).toEqual({
      listed: { PUBLIC: 'everyone', RESTRICTED: 'everyone', CONFIDENTIAL: 'professional' },
      publicContact: { PUBLIC: 'everyone', RESTRICTED: 'everyone', CONFIDENTIAL: 'none' },
      exactAddress: { PUBLIC: 'everyone', RESTRICTED: 'professional', CONFIDENTIAL: 'member' },
      approximateLocation: { PUBLIC: 'none', RESTRICTED: 'everyone', CONFIDENTIAL: 'professional' },
      professional: { PUBLIC: 'professional', RESTRICTED: 'professional', CONFIDENTIAL: 'professional' },
      internal: { PUBLIC: 'moderator', RESTRICTED: 'moderator', CONFIDENTIAL: 'moderator' },
    });
  });

  it('orders levels: a member sees what a professional sees, a moderator what a member sees', () => {
    expect(visibleFor('listed', 'everyone')).toEqual(['PUBLIC', 'RESTRICTED']);
    expect(visibleFor('exactAddress', 'professional')).toEqual(['PUBLIC', 'RESTRICTED']);
    expect(visibleFor('exactAddress', 'member')).toEqual(['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL']);
    expect(locationFor('RESTRICTED', 'everyone')).toBe('APPROXIMATE');
    expect(locationFor('CONFIDENTIAL', 'everyone')).toBeNull();
    expect(locationFor('CONFIDENTIAL', 'professional')).toBe('APPROXIMATE');
    expect(locationFor('CONFIDENTIAL', 'moderator')).toBe('EXACT');
  });
});
