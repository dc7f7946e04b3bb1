/** A customer's profile as journeys see it. */
export interface CustomerProfile {
  attributes: Record<string, unknown>;
  tags: string[];
}

export interface ProfileUpdate {
  set: Readonly<Record<string, unknown>>;
  addTags: readonly string[];
  removeTags: readonly string[];
}

/**
 * What an updateProfile node does to a profile: `set` merges attributes (null deletes one, as a
 * PUT to the customer does), tags are added then removed. The runtime and the designer's simulator share it.
 */
export function applyProfileUpdate<Profile extends CustomerProfile>(profile: Profile, update: ProfileUpdate): Profile {
  const attributes = { ...profile.attributes };
  for (const [key, value] of Object.entries(update.set)) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  const removed = new Set(update.removeTags);
  const tags = [...new Set([...profile.tags, ...update.addTags])].filter((tag) => !removed.has(tag));
  return { ...profile, attributes, tags };
}
