// A minimal Bot Framework SDK for JavaScript bot, the peer that
// `dotnet run -c Release --project bench/CheckinBot.Bench -- peers` measures CheckinBot against: a CloudAdapter in
// anonymous mode (no app id, as the Emulator works) that answers each message activity through the connector at the
// activity's serviceUrl (`context.sendActivity`), with a line as long as CheckinBot's answer.
// Environment: PORT (default 3978), TEXT_CHARS (length of the answer, default 400).
'use strict';
const express = require('express');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityTypes } = require('botbuilder');

const port = Number(process.env.PORT || 3978);
const length = Number(process.env.TEXT_CHARS || 400);
const answer = ('Help: ' + 'x'.repeat(Math.max(0, length))).slice(0, Math.max(length, 1));

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (_context, error) => console.error('turn failed:', error.message);

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, async (context) => {
  if (context.activity.type === ActivityTypes.Message) {
    await context.sendActivity(answer);
  }
}));
app.listen(port, '127.0.0.1', () => console.log(`teams sdk peer listening on ${port}`));
