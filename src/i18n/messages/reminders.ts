export const reminders = {
  'reminder.week_before': {
    nl: 'Over een week begeleid je deze dialoog:\n\n{details}\n\nKom je nog steeds?',
    en: 'In a week you will facilitate this dialogue:\n\n{details}\n\nAre you still coming?',
  },
  'reminder.day_before': {
    nl: 'Morgen is het zover! Praktische informatie:\n\n{details}\nKaart: {map}\nContactpersoon ter plekke: {contact}\n\nMogelijke openingsvragen:\n{questions}',
    en: "Tomorrow's the day! Practical information:\n\n{details}\nMap: {map}\nContact on site: {contact}\n\nPossible opening questions:\n{questions}",
  },
  'reminder.nudge': {
    nl: 'Om {time} begint je dialoog bij {organisation} ({where}). Succes en veel plezier!',
    en: 'Your dialogue at {organisation} ({where}) starts at {time}. Good luck and enjoy!',
  },
  'reminder.partner_check': {
    nl: 'Over een paar dagen ({when}) is je dialoog. Is de ruimte geregeld, en verwacht je nog ongeveer {participants} deelnemers?',
    en: 'Your dialogue is in a few days ({when}). Is the room arranged, and do you still expect about {participants} participants?',
  },
  'reminder.coming': { nl: '👍 Ik kom', en: "👍 I'm coming" },
  'reminder.cant': { nl: 'Ik kan niet meer', en: "I can't make it" },
  'reminder.partner_ok': { nl: '✅ Alles geregeld', en: '✅ All arranged' },
  'reminder.partner_changed': { nl: 'Er is iets veranderd', en: 'Something has changed' },
  'reminder.coming_thanks': { nl: 'Fijn, tot dan!', en: 'Great, see you then!' },
  'reminder.cant_done': {
    nl: 'Jammer, en dank je dat je het laat weten. Ik zoek met spoed een vervanger. Per ongeluk gedrukt? Laat het de coördinator weten.',
    en: 'A pity, and thank you for letting us know. I am urgently looking for a replacement. Pressed by mistake? Let the coordinator know.',
  },
  'reminder.partner_ok_thanks': { nl: 'Dank je! Tot dan.', en: 'Thank you! See you then.' },
  'reminder.partner_changed_thanks': {
    nl: 'Dank je voor het laten weten. Een coördinator neemt contact met je op. Verplaatsen of annuleren kan ook zelf via /mijnaanvragen.',
    en: 'Thanks for letting us know. A coordinator will contact you. You can also move or cancel it yourself via /myrequests.',
  },
  'reminder.partner_changed_coordinator': {
    nl: '📣 De partner van aanvraag #{number} ({when}) meldt dat er iets veranderd is. Neem even contact op met {contact}.',
    en: '📣 The partner of request #{number} ({when}) reports that something has changed. Please contact {contact}.',
  },
  'invite.booked': {
    nl: 'Hier is de agenda-uitnodiging voor je dialoog op {when}.',
    en: 'Here is the calendar invite for your dialogue on {when}.',
  },
  'invite.changed': {
    nl: 'De dialoog is verplaatst naar {when}. Hier is de bijgewerkte agenda-uitnodiging.',
    en: 'The dialogue has moved to {when}. Here is the updated calendar invite.',
  },
  'invite.cancelled': {
    nl: 'De dialoog van {when} gaat voor jou niet door. Met dit bestand verdwijnt hij uit je agenda.',
    en: 'The dialogue of {when} is off for you. This file removes it from your calendar.',
  },
  'invite.title': { nl: 'Dialoog: {theme} ({organisation})', en: 'Dialogue: {theme} ({organisation})' },
  'session.cancelled_facilitator': {
    nl: 'De dialoog van {when} ({organisation}) is geannuleerd. Dank je voor je inzet!',
    en: 'The dialogue of {when} ({organisation}) has been cancelled. Thank you for your commitment!',
  },
  'session.cancelled_coordinator': {
    nl: '❌ Aanvraag #{number}: de sessie van {when} is geannuleerd door de partner.',
    en: '❌ Request #{number}: the session of {when} was cancelled by the partner.',
  },
  'session.cancelled_partner': {
    nl: 'De dialoog van {when} is geannuleerd. Iedereen die ermee te maken had, heeft bericht gekregen.',
    en: 'The dialogue of {when} has been cancelled. Everyone involved has been told.',
  },
  'session.moved_ask': {
    nl: 'De dialoog van {old} is verplaatst naar {new}. Kun je dan nog?',
    en: 'The dialogue of {old} has moved to {new}. Can you still make it?',
  },
  'session.moved_clash': {
    nl: 'De dialoog van {old} is verplaatst naar {new}. Dan begeleid je al een andere dialoog, dus je staat niet meer op deze; we zoeken iemand anders. Dank je!',
    en: 'The dialogue of {old} has moved to {new}. You are already leading another dialogue then, so you are no longer on this one; we are looking for someone else. Thank you!',
  },
  'session.move_yes': { nl: 'Ja, ik kan', en: 'Yes, I can' },
  'session.move_no': { nl: 'Nee, dan niet', en: "No, I can't" },
  'session.move_yes_thanks': {
    nl: 'Fijn, je staat ingeroosterd op de nieuwe tijd.',
    en: "Great, you're scheduled at the new time.",
  },
  'session.moved_partner': {
    nl: 'De dialoog is verplaatst naar {new}. Wie al is ingeroosterd, krijgt bericht; ik laat het weten als er iets verandert.',
    en: "The dialogue has moved to {new}. Anyone already scheduled is told; I'll let you know if anything changes.",
  },
  'session.moved_coordinator': {
    nl: '↔️ Aanvraag #{number}: de sessie is verplaatst van {old} naar {new}.',
    en: '↔️ Request #{number}: the session moved from {old} to {new}.',
  },
  'session.not_changeable': {
    nl: 'Deze dialoog kan niet (meer) worden gewijzigd: hij is voorbij, geannuleerd of niet van jouw organisatie.',
    en: 'This dialogue can no longer be changed: it is over, cancelled, or not your organisation’s.',
  },
  'myrequests.cancel': { nl: '🗑️ Annuleer {when}', en: '🗑️ Cancel {when}' },
  'myrequests.move': { nl: '📅 Verplaats {when}', en: '📅 Move {when}' },
  'cancel.confirm': {
    nl: 'Weet je zeker dat je de dialoog van {when} wilt annuleren? Iedereen die ermee te maken heeft, krijgt bericht.',
    en: 'Are you sure you want to cancel the dialogue of {when}? Everyone involved will be told.',
  },
  'cancel.yes': { nl: 'Ja, annuleren', en: 'Yes, cancel' },
  'cancel.no': { nl: 'Nee, laat staan', en: 'No, keep it' },
  'cancel.kept': { nl: 'Prima, de dialoog blijft staan.', en: 'Fine, the dialogue stays as planned.' },
  'move.ask': {
    nl: 'Naar welke datum en begintijd wil je de dialoog verplaatsen? Typ bijvoorbeeld: {example} (of /stop)',
    en: 'To which date and start time do you want to move the dialogue? Type for example: {example} (or /stop)',
  },
  'flowname.move': { nl: 'een dialoog verplaatsen', en: 'moving a dialogue' },
} as const;
