import type { Shape } from '@/locales/shape';
import { addNamespace } from '@/lib/i18n';

/** Profile and password-change strings: loaded with those pages, not with the landing page. */
export const accountEn = {
  profile: {
    title: 'Profile',
    lead: 'Your details, language and password.',
    detailsTitle: 'Personal details',
    name: 'Name',
    saveName: 'Save name',
    saving: 'Saving…',
    nameSaved: 'Your name has been saved.',
    username: 'Username',
    phone: 'Phone number',
    role: 'Role',
    languageTitle: 'Language',
    languageLead: 'Used on every screen and in the messages we send you.',
    languageSaved: 'Language saved.',
    passwordTitle: 'Password',
    passwordLead: 'Changing it signs you out on every other device.',
    changePassword: 'Change password',
  },
  changePassword: {
    title: 'Choose a new password',
    forcedLead: 'For your security, replace the temporary password you were given before you continue.',
    current: 'Current password',
    currentForced: 'Temporary password',
    new: 'New password',
    newHint: 'At least 8 characters. Avoid common passwords and your username or phone number.',
    confirm: 'Repeat the new password',
    submit: 'Save new password',
    submitting: 'Saving…',
    signOutInstead: 'Sign out instead',
    done: 'Your password has been changed. Other devices signed in to your account were signed out.',
  },
};

const accountPt: Shape<typeof accountEn> = {
  profile: {
    title: 'Perfil',
    lead: 'Os seus dados, idioma e palavra-passe.',
    detailsTitle: 'Dados pessoais',
    name: 'Nome',
    saveName: 'Guardar nome',
    saving: 'A guardar…',
    nameSaved: 'O seu nome foi guardado.',
    username: 'Nome de utilizador',
    phone: 'Número de telemóvel',
    role: 'Função',
    languageTitle: 'Idioma',
    languageLead: 'Usado em todos os ecrãs e nas mensagens que lhe enviamos.',
    languageSaved: 'Idioma guardado.',
    passwordTitle: 'Palavra-passe',
    passwordLead: 'Ao alterá-la, termina a sessão em todos os outros dispositivos.',
    changePassword: 'Alterar palavra-passe',
  },
  changePassword: {
    title: 'Escolha uma nova palavra-passe',
    forcedLead: 'Por segurança, substitua a palavra-passe temporária que recebeu antes de continuar.',
    current: 'Palavra-passe atual',
    currentForced: 'Palavra-passe temporária',
    new: 'Nova palavra-passe',
    newHint: 'Pelo menos 8 caracteres. Evite palavras-passe comuns e o seu nome de utilizador ou telemóvel.',
    confirm: 'Repita a nova palavra-passe',
    submit: 'Guardar palavra-passe',
    submitting: 'A guardar…',
    signOutInstead: 'Terminar sessão',
    done: 'A sua palavra-passe foi alterada. Os outros dispositivos com sessão iniciada na sua conta foram desligados.',
  },
};

addNamespace('account', { en: accountEn, pt: accountPt });
