/*!
 * strapi-plugin-partners tracker (SPEC §6). Served as /api/partners/tracker.js.
 *
 *   <script src="https://cms.example.com/api/partners/tracker.js" data-consent="required" async></script>
 *
 * Reads ?ref= (and ?pvid= after a /go/<code> redirect), reports the visit, and keeps a first-party
 * cookie for the program's attribution window. With data-consent="required" it sets no cookie and
 * sends nothing until partners.consent(true). data-cookie-domain=".example.com" shares the
 * cookie with subdomains. window.partners.referral() gives the code for checkout
 * (Stripe: client_reference_id), partners.signup({ email, name }) reports a signup.
 */
(function () {
  'use strict';

  var COOKIE = 'partners_ref';
  var CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/i;
  var VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;
  var MAX_COOKIE_DAYS = 400; // browsers cap cookie lifetimes at 400 days

  var script = document.currentScript;
  if (!script || !script.src || window.partners) return;
  var api = new URL('.', script.src).href; // ".../api/partners/"
  var consentRequired = script.getAttribute('data-consent') === 'required';
  var cookieDomain = script.getAttribute('data-cookie-domain');

  var params = new URLSearchParams(window.location.search);
  var ref = params.get('ref');
  var urlCode = ref && CODE.test(ref) ? ref.toLowerCase() : null;
  var pvid = params.get('pvid');
  var urlVisitorId = pvid && VISITOR_ID.test(pvid) ? pvid : null;
  var consented = !consentRequired;
  var started = false;
  var refused = false; // the server knows no active link with the URL's code

  // A shared URL must not carry this visitor's id to others: drop pvid from the address bar.
  if (pvid !== null && window.history && window.history.replaceState) {
    params.delete('pvid');
    var query = params.toString();
    var clean = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
    window.history.replaceState(window.history.state, '', clean);
  }

  function readCookie() {
    var pairs = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < pairs.length; i += 1) {
      var eq = pairs[i].indexOf('=');
      if (pairs[i].slice(0, eq) !== COOKIE) continue;
      var parts = decodeURIComponent(pairs[i].slice(eq + 1)).split('.');
      if (parts.length === 3 && CODE.test(parts[0]) && VISITOR_ID.test(parts[1])) {
        return { code: parts[0].toLowerCase(), visitorId: parts[1], storedAt: Number(parts[2]) };
      }
    }
    return null;
  }

  function writeCookie(value, maxAgeSeconds) {
    document.cookie =
      COOKIE +
      '=' +
      value +
      '; Max-Age=' +
      maxAgeSeconds +
      '; Path=/; SameSite=Lax' +
      (window.location.protocol === 'https:' ? '; Secure' : '') +
      (cookieDomain ? '; Domain=' + cookieDomain : '');
  }

  function request(method, path, data, keepalive) {
    var init = { method: method, credentials: 'omit', mode: 'cors', keepalive: !!keepalive };
    if (data) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify({ data: data });
    }
    return fetch(api + path, init).then(function (response) {
      if (!response.ok) throw new Error('partners: ' + path + ' answered ' + response.status);
      return response.json();
    });
  }

  /** First click keeps an existing cookie; last click replaces it (the program decides). */
  function remember(code, id, settings) {
    var existing = readCookie();
    if (settings.attributionModel === 'first-click' && existing) return;
    var days = settings.attributionWindowDays || MAX_COOKIE_DAYS;
    var storedAt = Math.floor(Date.now() / 1000);
    writeCookie(code + '.' + id + '.' + storedAt, Math.min(days, MAX_COOKIE_DAYS) * 86400);
  }

  function start() {
    if (started || !consented || !urlCode) return;
    started = true;
    var code = urlCode;
    var exchange = urlVisitorId
      ? // Came through the redirect, which recorded the click: only the cookie rules are needed.
        request('GET', 'track/links/' + encodeURIComponent(code)).then(function (body) {
          return { visitorId: urlVisitorId, settings: body.data };
        })
      : request('POST', 'track/click', {
          code: code,
          visitorId: (readCookie() || {}).visitorId,
          landingUrl: window.location.href.slice(0, 2048),
          referrer: document.referrer.slice(0, 2048) || undefined,
        }).then(function (body) {
          return { visitorId: body.data.visitorId, settings: body.data };
        });
    exchange.then(
      function (result) {
        if (consented) remember(code, result.visitorId, result.settings);
      },
      function () {
        refused = true;
      }
    );
  }

  /** The referral code to pass to checkout, or null. */
  function referral() {
    if (!consented) return null;
    var cookie = readCookie();
    return cookie ? cookie.code : refused ? null : urlCode;
  }

  /** The visitor id (pvid) to pass to checkout or to the site's backend, or null. */
  function visitorId() {
    if (!consented) return null;
    var cookie = readCookie();
    return cookie ? cookie.visitorId : urlVisitorId;
  }

  /** consent(true) when the visitor accepts; consent(false) forgets them. */
  function consent(granted) {
    consented = !!granted;
    if (consented) return start();
    started = false;
    writeCookie('', 0);
  }

  /** Reports a signup; resolves true when the server took it, false if not, null without consent. */
  function signup(contact) {
    if (!consented) return Promise.resolve(null);
    var data = { email: contact && contact.email };
    if (contact && contact.name) data.name = contact.name;
    if (referral()) data.code = referral();
    if (visitorId()) data.visitorId = visitorId();
    return request('POST', 'track/signup', data, true).then(
      function () {
        return true;
      },
      function () {
        return false;
      }
    );
  }

  window.partners = { referral: referral, visitorId: visitorId, consent: consent, signup: signup };

  start();
})();
