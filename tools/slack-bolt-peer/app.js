// A minimal Bolt for JavaScript app, the peer that `dotnet run -c Release --project bench/CheckinBot.Bench -- peers`
// measures CheckinBot against: Bolt's HTTP receiver checks Slack's signature with the same signing secret, and
// `/checkin help` and `/checkin status` are answered inside the acknowledgement with a line as long as CheckinBot's.
// Environment: PORT (default 3000), SLACK_SIGNING_SECRET (required), HELP_CHARS and STATUS_CHARS (lengths of the
// answers, default 400 and 120), SLACK_API_URL (where the Web API would be; nothing here calls it).
'use strict';
const { App, HTTPReceiver, LogLevel } = require('@slack/bolt');

const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) {
  console.error('SLACK_SIGNING_SECRET is required.');
  process.exit(2);
}

const port = Number(process.env.PORT || 3000);
const line = (prefix, length) => (prefix + ' ' + 'x'.repeat(Math.max(0, length))).slice(0, Math.max(length, 1));
const answers = {
  help: line('Help:', Number(process.env.HELP_CHARS || 400)),
  status: line('Status:', Number(process.env.STATUS_CHARS || 120)),
};

const receiver = new HTTPReceiver({ signingSecret, endpoints: ['/slack/commands', '/slack/events'] });
const app = new App({
  receiver,
  // One workspace, known up front: no auth.test (or any other Web API call) on the way to an answer.
  authorize: async () => ({ botToken: 'xoxb-bolt-peer', botId: 'BBOLTPEER', botUserId: 'UBOLTPEER' }),
  logLevel: process.env.BOLT_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR,
  clientOptions: process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : undefined,
});

app.command('/checkin', async ({ command, ack }) => {
  const word = (command.text || '').trim().split(/\s+/)[0].toLowerCase();
  await ack({ response_type: 'ephemeral', text: word === 'status' ? answers.status : answers.help });
});

(async () => {
  await app.start(port);
  console.log(`bolt peer listening on ${port}`);
})();
