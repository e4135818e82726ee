/*
 * A small Direct Line-compatible object for Bot Framework Web Chat that talks to this bot's own web chat API
 * (/api/webchat/...) instead of the Azure Direct Line service. Web Chat only needs `activity$` and
 * `connectionStatus$` (observables), `postActivity(activity)` (an observable of the new activity's id) and `end()`.
 */
(function (global) {
  'use strict';

  const ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, FailedToConnect: 4, Ended: 5 };

  function toObserver(next, error, complete) {
    return next && typeof next === 'object' ? next : { next, error, complete };
  }

  /**
   * A minimal multicast observable. New subscribers first get what was emitted before they subscribed: the latest
   * value (`replay: 'last'`, for the connection status) or everything (`replay: 'all'`, for activities, since Web
   * Chat starts listening to activities only after the connection is up).
   */
  class Subject {
    constructor(replay, initial) {
      this.observers = new Set();
      this.replay = replay;
      this.history = replay === 'last' ? [initial] : [];
    }

    subscribe(next, error, complete) {
      const observer = toObserver(next, error, complete);
      this.observers.add(observer);
      if (observer.next) {
        this.history.forEach((value) => observer.next(value));
      }

      const subscription = {
        closed: false,
        unsubscribe: () => {
          this.observers.delete(observer);
          subscription.closed = true;
        },
      };
      return subscription;
    }

    next(value) {
      if (this.replay === 'last') {
        this.history = [value];
      } else {
        this.history.push(value);
      }

      for (const observer of [...this.observers]) {
        if (observer.next) {
          observer.next(value);
        }
      }
    }
  }

  /** An observable that emits the promise's value once, then completes (or errors). */
  function fromPromise(promise) {
    return {
      subscribe(next, error, complete) {
        const observer = toObserver(next, error, complete);
        let closed = false;
        promise.then(
          (value) => {
            if (!closed) {
              if (observer.next) observer.next(value);
              if (observer.complete) observer.complete();
            }
          },
          (reason) => {
            if (!closed && observer.error) observer.error(reason);
          });
        return { get closed() { return closed; }, unsubscribe() { closed = true; } };
      },
    };
  }

  async function postJson(url, body, token) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`; // the conversation's token, issued when it was started
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(data.error || `The bot answered HTTP ${response.status}.`);
    }

    return data;
  }

  /**
   * Creates the Direct Line-compatible object.
   * @param {{baseUrl: string, userId: string, locale: string, onError: (message: string) => void}} options
   */
  function create({ baseUrl, userId, locale, onError }) {
    const activity$ = new Subject('all');
    const connectionStatus$ = new Subject('last', ConnectionStatus.Uninitialized);
    const bot = { id: 'compliancebot', name: 'ComplianceBot', role: 'bot' };
    let typingCount = 0;

    const emitAll = (activities) => (activities || []).forEach((activity) => activity$.next(activity));

    connectionStatus$.next(ConnectionStatus.Connecting);
    const started = postJson(`${baseUrl}/api/webchat/conversations`, { locale, user: { id: userId } })
      .then((data) => {
        connectionStatus$.next(ConnectionStatus.Online);
        emitAll(data.activities);
        return { conversationId: data.conversationId, token: data.token };
      })
      .catch((error) => {
        connectionStatus$.next(ConnectionStatus.FailedToConnect);
        onError(`Cannot reach the bot: ${error.message}`);
        throw error;
      });

    return {
      activity$,
      connectionStatus$,
      postActivity(activity) {
        return fromPromise(started.then(async ({ conversationId, token }) => {
          activity$.next({ type: 'typing', id: `typing-${++typingCount}`, from: bot, timestamp: new Date().toISOString() });
          const data = await postJson(
            `${baseUrl}/api/webchat/conversations/${encodeURIComponent(conversationId)}/activities`,
            { ...activity, locale: activity.locale || locale },
            token);
          // Web Chat marks a message as sent when it comes back with an id ("echo"); the bot's replies follow it.
          activity$.next({ ...activity, id: data.id, timestamp: data.timestamp, conversation: { id: conversationId } });
          emitAll(data.activities);
          return data.id;
        }));
      },
      end() {
        connectionStatus$.next(ConnectionStatus.Ended);
      },
    };
  }

  global.ComplianceBotDirectLine = { create, ConnectionStatus };
})(window);
