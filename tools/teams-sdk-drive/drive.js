// Drives a running CheckinBot (Development, no Teams:AppId) the way a channel would, with Microsoft's own
// Bot Framework SDK for JavaScript: BotFrameworkHttpClient posts activities to the bot's /api/messages, and a
// ChannelServiceHandler behind ChannelServiceRoutes receives the bot's replies at the activity's serviceUrl.
// Usage: node drive.js [botBaseUrl] [channelPort]   (defaults http://localhost:5080 and 3978)
// The bot answers only service URLs it allows: start it with Teams__AllowedServiceUrls__0=http://127.0.0.1:<channelPort>/.
'use strict';
const express = require('express');
const { BotFrameworkHttpClient, ChannelServiceHandler, ChannelServiceRoutes } = require('botbuilder');
const { SimpleCredentialProvider, AuthenticationConfiguration } = require('botframework-connector');

const bot = (process.argv[2] || 'http://localhost:5080').replace(/\/$/, '');
const channelPort = Number(process.argv[3] || 3978);
const credentials = new SimpleCredentialProvider('', '');
const received = [];

class Channel extends ChannelServiceHandler {
  async onSendToConversation(_claims, conversationId, activity) { return this.record('send', conversationId, activity); }
  async onReplyToActivity(_claims, conversationId, activityId, activity) { return this.record('reply', conversationId, activity, activityId); }
  async onUpdateActivity(_claims, conversationId, activityId, activity) { return this.record('update', conversationId, activity, activityId); }
  async onCreateConversation(_claims, parameters) {
    const id = 'a:personal-' + parameters.members[0].id;
    return { id, activityId: undefined, serviceUrl: undefined };
  }
  record(how, conversationId, activity, replyTo) {
    if (process.env.DRIVE_DUMP) console.log(how, conversationId, JSON.stringify(activity).slice(0, 1500));
    const id = String(received.length + 1);
    received.push({ how, conversationId, replyTo, activity });
    return { id };
  }
}

const app = express();
app.use(express.json());
new ChannelServiceRoutes(new Channel(credentials, new AuthenticationConfiguration())).register(app, '');

const tenant = 'a9e5d7c1-1111-4b2a-8c3d-0f1e2d3c4b5a';
const botAccount = { id: '28:checkinbot-sdk-drive', name: 'CheckinBot' };
const va = { id: '29:sdk-va-ina', name: 'Ina Claes', aadObjectId: '11111111-1111-4111-8111-111111111111' };
const client = { id: '29:sdk-client-tom', name: 'Tom Peeters', aadObjectId: '22222222-2222-4222-8222-222222222222' };
const channelId = '19:sdkdrive' + Date.now() + '@thread.tacv2';
const http = new BotFrameworkHttpClient(credentials);
let serviceUrl;
let sequence = 0;

function activity(from, text, { mentionBot = true, extraMentions = [], type = 'message' } = {}) {
  sequence += 1;
  const mentions = [];
  if (mentionBot) mentions.push({ type: 'mention', mentioned: botAccount, text: '<at>CheckinBot</at>' });
  for (const person of extraMentions) mentions.push({ type: 'mention', mentioned: { id: person.id, name: person.name }, text: `<at>${person.name}</at>` });
  return {
    type,
    id: 'sdk-' + Date.now() + '-' + sequence,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from,
    recipient: botAccount,
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: tenant },
    text: type === 'message' ? (mentionBot ? '<at>CheckinBot</at> ' : '') + text : undefined,
    textFormat: 'plain',
    locale: 'en-US',
    entities: [...mentions, { type: 'clientInfo', locale: 'en-US', timezone: 'Europe/Brussels' }],
    channelData: { tenant: { id: tenant }, channel: { id: channelId }, team: { id: '19:sdkteam@thread.tacv2' } },
    membersAdded: type === 'conversationUpdate' ? [botAccount] : undefined,
  };
}

async function post(a) {
  const response = await http.postActivity('', '', bot + '/api/messages', serviceUrl, a.conversation.id, a);
  if (response.status < 200 || response.status >= 300) throw new Error(`the bot answered ${response.status} to ${a.type} "${a.text ?? ''}"`);
}

async function until(what, predicate, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const found = received.find(predicate);
    if (found) return found;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for ' + what);
}

const textOf = r => [r.activity.text || '', JSON.stringify(r.activity.attachments || [])].join(' ');
const steps = [];
function pass(name, detail) { steps.push(name); console.log(`ok   ${name}${detail ? ': ' + detail : ''}`); }

async function main() {
  const server = app.listen(channelPort, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  serviceUrl = `http://127.0.0.1:${server.address().port}`;
  console.log(`channel (botbuilder ${require('botbuilder/package.json').version}) at ${serviceUrl}, bot at ${bot}/api/messages`);
  try {
    let seen = received.length;
    await post(activity(va, '', { type: 'conversationUpdate', mentionBot: false }));
    const greeting = await until('a greeting', (r, i) => i >= seen);
    if (greeting.conversationId !== channelId) throw new Error('the greeting went to ' + greeting.conversationId + ', not to the channel');
    pass('bot added: greeted with help in the channel');

    seen = received.length;
    await post(activity(va, `setup <at>${client.name}</at> tz Europe/Brussels lang en`, { extraMentions: [client] }));
    const setup = await until('the setup answer', (r, i) => i >= seen);
    pass('setup with a Teams mention answered', textOf(setup).slice(0, 80));

    seen = received.length;
    await post(activity(va, 'propose update weekdays 17:00'));
    await until('the proposal', (r, i) => i >= seen && /17:00/.test(textOf(r)));
    pass('proposal posted to the channel');

    seen = received.length;
    await post(activity(client, 'accept'));
    await until('the agreement', (r, i) => i >= seen);
    pass('client accepted');

    seen = received.length;
    await post(activity(client, 'Any update on the report?', { mentionBot: false }));
    const answer = await until('the ping answer', (r, i) => i >= seen);
    if (answer.how !== 'reply' || !/17:00/.test(textOf(answer))) throw new Error('the ping answer is no threaded reply naming 17:00: ' + textOf(answer).slice(0, 200));
    pass('client ping answered in the thread, naming the next update', answer.activity.summary || '');

    seen = received.length;
    await post(activity(client, 'URGENT: the website is down, please call me', { mentionBot: false }));
    const alert = await until('the urgent alert to the VA', (r, i) => i >= seen && r.conversationId.includes(va.id));
    pass('urgent message passed to the VA personally', alert.conversationId);

    seen = received.length;
    await post(activity(va, 'status'));
    const status = await until('the status', (r, i) => i >= seen);
    pass('status answered', `${status.how} to ${status.conversationId}`);

    seen = received.length;
    const clock = await fetch(bot + '/playground/api/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: 'P3D' }) });
    if (clock.ok) {
      const update = await until('a scheduled update', (r, i) => i >= seen && r.conversationId === channelId && r.how === 'send' && /checkinbot/i.test(JSON.stringify(r.activity.channelData || {})), 30000);
      pass('scheduled update posted to the channel after the clock moved three days', textOf(update).slice(0, 60));
    } else {
      console.log(`skip the scheduled update: /playground/api/clock answered ${clock.status} (Clock:TimeTravel off)`);
    }
    console.log(`\n${steps.length} steps passed; the channel received ${received.length} activities from the bot`);
  } finally {
    server.close();
  }
}

main().catch(error => { console.error('FAILED: ' + error.message); console.error(JSON.stringify(received.map(r => ({ how: r.how, conv: r.conversationId, text: textOf(r).slice(0, 120) })), null, 1)); process.exit(1); });
