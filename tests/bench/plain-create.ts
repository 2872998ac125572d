import type { Scenario } from './types';

/** The baseline: Strapi's own core `create` route for a plain host content type. */
export const plainCreate: Scenario = {
  name: 'plain-create',
  title: 'plain create',
  async prepare({ strapi }) {
    return {
      method: 'POST',
      path: '/api/notes',
      body: (n) => ({
        data: { title: `Note ${n}`, reference: `note_${n}`, amount: 10000, quantity: 1 },
      }),
      expectedStatus: 201,
      stored: [
        { label: 'notes', perRequest: 1, count: () => strapi.db.query('api::note.note').count() },
      ],
    };
  },
};
