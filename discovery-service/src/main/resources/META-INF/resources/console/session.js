// The login session: auth-service's cookies, set through discovery's /acs/api/v1 forward. The
// page never stores the token; it reads only its expiry, to refresh it before it runs out (a
// follow ends at the token's exp, docs/authentication.md).

import {postJson} from './api.js';

const AUTH = '/acs/api/v1/auth';
/** Refresh when this share of the token's life is gone. */
const REFRESH_AT = 0.75;

export class Session {
    constructor() {
        this.timer = null;
        this.listeners = [];
    }

    /** Called with true on login or refresh, false when the session is gone. */
    onChange(listener) {
        this.listeners.push(listener);
    }

    async login(uid, password) {
        const answer = await (await postJson(AUTH + '/login', {uid, password})).json();
        this.started(answer.token);
    }

    /** A new token for the cookie's caller; answers false when there is no valid session to refresh. */
    async refresh() {
        try {
            const answer = await (await postJson(AUTH + '/refresh')).json();
            this.started(answer.token);
            return true;
        } catch (e) {
            this.ended();
            return false;
        }
    }

    async logout() {
        clearTimeout(this.timer);
        await fetch(AUTH + '/logout', {credentials: 'same-origin'});
        this.ended();
    }

    /** The user the readable info cookie names (auth-service sets it beside the HttpOnly token). */
    user() {
        const cookie = document.cookie.split('; ').find(c => c.startsWith('dcos-acs-info-cookie='));
        if (!cookie) {
            return null;
        }
        try {
            return JSON.parse(atob(base64(cookie.substring(cookie.indexOf('=') + 1)))).uid;
        } catch (e) {
            return null;
        }
    }

    started(token) {
        clearTimeout(this.timer);
        const lifetime = expiry(token) - Date.now();
        if (lifetime > 0) {
            this.timer = setTimeout(() => this.refresh(), lifetime * REFRESH_AT);
        }
        this.listeners.forEach(l => l(true));
    }

    ended() {
        clearTimeout(this.timer);
        this.listeners.forEach(l => l(false));
    }
}

/** The token's exp in milliseconds (its payload is plain base64url JSON). */
function expiry(token) {
    try {
        return JSON.parse(atob(base64(token.split('.')[1]))).exp * 1000;
    } catch (e) {
        return 0;
    }
}

function base64(base64url) {
    const text = base64url.replace(/-/g, '+').replace(/_/g, '/');
    return text + '='.repeat((4 - text.length % 4) % 4);
}
