/** The public profile of an entity (core PublicProfile), every item with its source. */
Component({
  properties: {
    profile: { type: Object, value: {} },
  },
});
