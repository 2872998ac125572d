/** A route that only answers 302: the baseline `npm run bench` compares link redirects with. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/bench/redirect',
      handler: 'note.benchRedirect',
      config: { auth: false },
    },
  ],
};
