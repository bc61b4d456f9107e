// Prints a new VAPID key pair for web push as .env lines (npm run vapid:keys). Generate once and keep it:
// new keys make every device's subscription invalid.
import webpush from 'web-push';

const keys = webpush.generateVAPIDKeys();
process.stdout.write(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}\nVAPID_SUBJECT=mailto:ops@example.pt\n`);
