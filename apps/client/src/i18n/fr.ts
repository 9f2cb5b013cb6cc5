import type { Catalogue } from './catalogue';

/**
 * Le catalogue français, chargé à part (son propre fichier JavaScript) : l’anglais ne le paie
 * pas. Typé `Catalogue`, il doit traduire chaque message anglais (la clé) ; catalogue.spec.ts
 * vérifie en plus que chaque traduction garde les mêmes champs. Typographie française : espace
 * fine insécable avant ; ? ! et insécable avant : et dans les guillemets.
 */
export const fr: Catalogue = {
  'Live counter': 'Compteur en direct',
  '({count}) {title}': '({count}) {title}',

  Language: 'Langue',

  'Room {room}': 'Salon {room}',
  '{room} · Live': '{room} · En direct',
  Rooms: 'Salons',
  'Copy link': 'Copier le lien',
  Copied: 'Copié',
  'Copy this link:': 'Copiez ce lien :',
  'New room': 'Nouveau salon',
  Recent: 'Récents',
  Lobby: 'Salon principal',
  'No room at this address': 'Aucun salon à cette adresse',
  'Room links look like {example}: 1 to {max} letters a–z, digits or hyphens.':
    'Un lien de salon ressemble à {example} : de 1 à {max} lettres a–z, chiffres ou tirets.',
  'Go to the lobby': 'Aller au salon principal',

  'Connecting…': 'Connexion…',
  'Reconnecting…': 'Reconnexion…',
  'Offline.': 'Hors ligne.',
  'Try again': 'Réessayer',
  'The connection to the server was lost.': 'La connexion au serveur a été perdue.',
  'The connection to the server failed.': 'La connexion au serveur a échoué.',
  'The server stopped answering.': 'Le serveur ne répond plus.',
  'The server closed the connection.': 'Le serveur a fermé la connexion.',
  'The server sent something the app could not read.': 'Le serveur a envoyé une réponse illisible.',
  'Can’t reach the server; trying again…': 'Impossible de joindre le serveur ; nouvel essai…',
  'Can’t reach the server.': 'Impossible de joindre le serveur.',
  'Too many connections from your address; close another tab or try later':
    'Trop de connexions depuis votre adresse ; fermez un autre onglet ou réessayez plus tard',

  'You are offline.': 'Vous êtes hors ligne.',
  'The connection dropped before the server answered.':
    'La connexion a été coupée avant la réponse du serveur.',
  'The server did not answer in time.': 'Le serveur n’a pas répondu à temps.',
  'You are going too fast; try again shortly': 'Vous allez trop vite ; réessayez dans un instant',
  'You are going too fast; try again in {seconds} s':
    'Vous allez trop vite ; réessayez dans {seconds} s',
  'You are going too fast; sending again in {seconds} s':
    'Vous allez trop vite ; nouvel envoi dans {seconds} s',
  'You are muted until {until, time}': 'Un modérateur vous a mis en sourdine jusqu’à {until, time}',
  'Only a moderator may do this': 'Seul un modérateur peut faire cela',
  'The store is unavailable; nothing was recorded. Try again shortly.':
    'Le stockage est indisponible ; rien n’a été enregistré. Réessayez dans un instant.',
  'Something went wrong on the server; try again.':
    'Une erreur s’est produite sur le serveur ; réessayez.',
  'That message was deleted by a moderator; send it again as a new message':
    'Ce message a été supprimé par un modérateur ; renvoyez-le comme un nouveau',
  'No message has this id': 'Ce message n’existe plus',
  '{detail}': 'Le serveur a répondu : {detail}',

  'Clicks so far': 'Clics jusqu’ici',
  'Click +1': 'Cliquer +1',
  'Clicks start once connected.': 'Les clics commencent dès la connexion.',
  'Clicks are paused until the connection is back.':
    'Les clics sont en pause jusqu’au retour de la connexion.',
  'Clicks are paused while offline.': 'Les clics sont en pause hors ligne.',
  'Your click was not counted: {reason}': 'Votre clic n’a pas été compté : {reason}',
  'A moderator reset the counter.': 'Un modérateur a remis le compteur à zéro.',
  'Reset the counter to 0 for everyone?': 'Remettre le compteur à 0 pour tout le monde ?',
  'Reset counter to 0': 'Remettre le compteur à 0',
  'Not reset: {reason}': 'Pas remis à zéro : {reason}',

  Chat: 'Discussion',
  Messages: 'Messages',
  'Just posted': 'À l’instant',
  '{author}: {text}': '{author} : {text}',
  'Not deleted: {reason}': 'Pas supprimé : {reason}',
  'Load older messages': 'Charger les messages précédents',
  'Loading…': 'Chargement…',
  'This is the start of the chat.': 'C’est le début de la discussion.',
  'No messages yet. Everyone here shares one counter: each Click +1 adds to it for all. Write below to chat with them, and say hello!':
    'Aucun message pour l’instant. Tout le monde ici partage un seul compteur : chaque « Cliquer +1 » l’augmente pour tous. Écrivez ci-dessous pour discuter, et dites bonjour !',
  'New messages ↓': 'Nouveaux messages ↓',
  '{from} is now {to}': '{from} s’appelle maintenant {to}',
  'Sending…': 'Envoi…',
  'Waiting for connection…': 'En attente de la connexion…',
  'Not sent: {reason}': 'Pas envoyé : {reason}',
  Retry: 'Réessayer',
  'Message deleted': 'Message supprimé',
  'edited {time}': 'modifié à {time}',
  Edit: 'Modifier',
  Delete: 'Supprimer',
  'Edit your message “{excerpt}”': 'Modifier votre message « {excerpt} »',
  'Delete your message “{excerpt}”': 'Supprimer votre message « {excerpt} »',
  'Delete {author}’s message “{excerpt}”': 'Supprimer le message de {author} « {excerpt} »',
  'Delete {author}’s message for everyone?':
    'Supprimer le message de {author} pour tout le monde ?',
  'mentions you': 'vous mentionne',

  Message: 'Message',
  'Write a message…': 'Écrire un message…',
  Send: 'Envoyer',
  'Offline: messages are kept and sent once the connection is back.':
    'Hors ligne : les messages sont gardés et envoyés au retour de la connexion.',
  'Cut to {count} characters': {
    one: 'Coupé à {count} caractère',
    other: 'Coupé à {count} caractères',
  },
  '{length}/{max}': '{length}/{max}',

  'Edit your message': 'Modifier votre message',
  Save: 'Enregistrer',
  Cancel: 'Annuler',
  'Enter saves, Escape cancels': 'Entrée enregistre, Échap annule',
  'Not saved: {reason}': 'Pas enregistré : {reason}',

  'Notify me when someone mentions me': 'M’avertir quand quelqu’un me mentionne',
  'Notifications are blocked for this page in the browser’s settings.':
    'Les notifications sont bloquées pour cette page dans les réglages du navigateur.',
  '{author} mentioned you': 'Mention de {author}',

  'People here': 'Personnes présentes',
  you: 'vous',
  moderator: 'modérateur',
  'muted until {until, time}': 'en sourdine jusqu’à {until, time}',
  '+ {count} more': { one: '+ {count} autre', other: '+ {count} autres' },
  '{count} online': { one: '{count} en ligne', other: '{count} en ligne' },
  '– online': '– en ligne',
  'You are {name}': 'Vous êtes {name}',
  '{name} is typing…': '{name} écrit…',
  '{first} and {second} are typing…': '{first} et {second} écrivent…',
  'Several people are typing…': 'Plusieurs personnes écrivent…',

  Name: 'Nom',
  Guest: 'Invité',
  'Use “{suggestion}”': 'Prendre « {suggestion} »',
  'The name “{name}” is taken.': 'Le nom « {name} » est déjà pris.',

  Yes: 'Oui',
  No: 'Non',
  'That moderator token was refused; you are connected without it.':
    'Ce jeton de modération a été refusé ; vous êtes connecté sans lui.',
  'Mute…': 'Sourdine…',
  'Mute {name}': 'Mettre {name} en sourdine',
  Unmute: 'Lever la sourdine',
  'Unmute {name}': 'Lever la sourdine de {name}',
  'Mute {name} for': 'Mettre {name} en sourdine pendant',
  For: 'Pendant',
  'Mute {name} for {duration}?': 'Mettre {name} en sourdine pendant {duration} ?',
  'Not changed: {reason}': 'Pas modifié : {reason}',
  '{count} minutes': { one: '{count} minute', other: '{count} minutes' },
  '{count} hours': { one: '{count} heure', other: '{count} heures' },
  '{count} days': { one: '{count} jour', other: '{count} jours' },
};
