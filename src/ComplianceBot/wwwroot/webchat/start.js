/* Renders Bot Framework Web Chat on the page, connected to this bot through local-direct-line.js. */
(function () {
  'use strict';

  const status = document.getElementById('status');
  const showError = (message) => { status.textContent = message; };

  if (!window.WebChat || !window.ComplianceBotDirectLine) {
    showError('The chat component did not load. Reload the page; if it persists, check that the bot was built completely.');
    return;
  }

  const random = new Uint8Array(8);
  crypto.getRandomValues(random);
  const userId = 'webchat-' + Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
  const locale = (navigator.language || 'en-US').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';

  const directLine = window.ComplianceBotDirectLine.create({ baseUrl: '', userId, locale, onError: showError });
  window.WebChat.renderWebChat(
    {
      directLine,
      userID: userId,
      username: 'You',
      locale,
      styleOptions: {
        accent: '#1f6fb2',
        botAvatarInitials: 'CB',
        userAvatarInitials: 'You',
        bubbleMaxWidth: 720,
        hideUploadButton: true,
        richCardWrapTitle: true,
        suggestedActionLayout: 'flow',
        sendTimeout: 30000,
      },
    },
    document.getElementById('webchat'));
})();
