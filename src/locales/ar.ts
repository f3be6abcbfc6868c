import type { Messages } from './en.js';

/**
 * Arabic counts: 1 and 2 have their own words (singular, dual), 3–10 take the plural and 11–99
 * the singular (accusative); from 100 the same by the last two digits (CLDR zero/one/two/few/many/
 * other).
 */
function count(
  n: number,
  forms: { zero: string; one: string; two: string; few: string; many: string; other: string },
): string {
  const mod = n % 100;
  if (n === 0) return forms.zero;
  if (n === 1) return forms.one;
  if (n === 2) return forms.two;
  if (mod >= 3 && mod <= 10) return `${n} ${forms.few}`;
  if (mod >= 11) return `${n} ${forms.many}`;
  return `${n} ${forms.other}`;
}

/** Arabic (right to left). */
export const ar: Messages = {
  $code: 'ar',
  $dir: 'rtl',

  connecting: 'جارٍ الانضمام إلى الغرفة…',
  reconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
  left: 'لقد غادرت الغرفة.',
  disconnected: 'انقطع اتصالك بالغرفة.',
  retry: 'إعادة المحاولة',
  dismiss: 'إغلاق',
  rejoin: 'الانضمام مجددًا',
  notConfigured: 'لا يوجد لهذه الغرفة رابط رمز ولا رمز للانضمام.',
  roomLabel: (name) => (name ? `مكالمة: ${name}` : 'مكالمة'),
  participantCount: (n) =>
    count(n, {
      zero: 'لا مشاركين',
      one: 'مشارك واحد',
      two: 'مشاركان',
      few: 'مشاركين',
      many: 'مشاركًا',
      other: 'مشارك',
    }),
  you: (name) => `${name} (أنت)`,

  'reason:duplicate-identity': 'انضممت إلى هذه الغرفة من مكان آخر.',
  'reason:server-shutdown': 'توقف خادم الوسائط.',
  'reason:participant-removed': 'تمت إزالتك من الغرفة.',
  'reason:room-deleted': 'أُغلقت الغرفة.',
  'reason:state-mismatch': 'فقد الاتصال تزامنه مع الخادم.',
  'reason:join-failure': 'تعذّر الانضمام إلى الغرفة.',
  'reason:signal-close': 'أُغلق الاتصال بالخادم.',
  'reason:room-closed': 'أُغلقت الغرفة.',

  'error:token-network': 'تعذّر الوصول إلى خادم الرموز. تحقّق من اتصالك.',
  'error:token-timeout': 'لم يستجب خادم الرموز في الوقت المحدد.',
  'error:token-unauthorized': 'لم تسجّل الدخول، أو انتهت جلستك.',
  'error:token-forbidden': 'غير مسموح لك بالانضمام إلى هذه الغرفة.',
  'error:token-not-found': 'هذه الغرفة غير موجودة.',
  'error:token-rejected': 'رفض خادم الرموز الطلب.',
  'error:token-server-error': 'حدثت مشكلة في خادم الرموز. حاول مرة أخرى بعد قليل.',
  'error:token-invalid-reply': 'أرسل خادم الرموز ردًّا لا يمكن استخدامه.',
  'error:token-invalid': 'رُفض رمز الوصول: فهو غير صالح أو منتهي الصلاحية.',
  'error:server-unreachable': 'تعذّر الوصول إلى خادم الوسائط.',
  'error:connection-failed': 'تعذّر الانضمام إلى الغرفة.',
  'error:camera-denied': 'رُفض الوصول إلى الكاميرا. اسمح به في المتصفح ليراك الآخرون.',
  'error:microphone-denied': 'رُفض الوصول إلى الميكروفون. اسمح به في المتصفح ليسمعك الآخرون.',
  'error:media-denied': 'رُفض الوصول إلى الكاميرا والميكروفون.',
  'error:camera-not-found': 'لم يُعثر على كاميرا.',
  'error:microphone-not-found': 'لم يُعثر على ميكروفون.',
  'error:media-not-found': 'لم يُعثر على كاميرا ولا ميكروفون.',
  'error:camera-in-use': 'الكاميرا قيد الاستخدام من برنامج آخر.',
  'error:microphone-in-use': 'الميكروفون قيد الاستخدام من برنامج آخر.',
  'error:media-in-use': 'الكاميرا أو الميكروفون قيد الاستخدام من برنامج آخر.',
  'error:camera-failed': 'تعذّر تشغيل الكاميرا.',
  'error:microphone-failed': 'تعذّر تشغيل الميكروفون.',
  'error:media-failed': 'تعذّر تشغيل الكاميرا أو الميكروفون.',
  'error:unknown': 'حدث خطأ ما.',

  // <participant-tile>
  tileLabel: (name) => `المشارك ${name}`,
  microphoneMuted: 'الميكروفون مكتوم',
  cameraOff: 'الكاميرا متوقفة',
  speaking: 'يتحدث',

  // <pre-join>
  cameraPreview: 'معاينة الكاميرا',
  startingCamera: 'جارٍ تشغيل الكاميرا…',
  yourName: 'اسمك',
  join: 'انضمام',

  // <layout-grid>, tile additions, <connection-quality>
  gridLabel: 'المشاركون',
  gridStripLabel: 'مشاركون آخرون',
  gridFocusLabel: 'في التركيز',
  gridPrevious: 'الصفحة السابقة',
  gridNext: 'الصفحة التالية',
  gridPageOf: (page, pages) => `الصفحة ${page} من ${pages}`,
  gridPageShown: (page, pages, first, last, total) =>
    `الصفحة ${page} من ${pages}: المشاركون من ${first} إلى ${last} من أصل ${total}`,
  gridViewers: (n) =>
    count(n, {
      zero: 'لا مشاهدين',
      one: 'مشاهد واحد',
      two: 'مشاهدان',
      few: 'مشاهدين',
      many: 'مشاهدًا',
      other: 'مشاهد',
    }),
  tileScreenLabel: (name) => `شاشة ${name}`,
  tileYourScreen: 'شاشتك',
  tileScreenAudioOff: 'صوت مشاركة الشاشة متوقف',
  tilePin: (name) => `تثبيت ${name}`,
  tileUnpin: (name) => `إلغاء تثبيت ${name}`,
  tilePinScreen: (name) => `تثبيت شاشة ${name}`,
  tileUnpinScreen: (name) => `إلغاء تثبيت شاشة ${name}`,
  connectionQuality: (quality) => `الاتصال: ${quality}`,
  'quality:excellent': 'ممتاز',
  'quality:good': 'جيد',
  'quality:poor': 'ضعيف',
  'quality:lost': 'مفقود',
  'quality:unknown': 'غير معروف',

  // controls: <track-toggle>, <screen-share-button>, <device-picker>, <leave-button>, <control-bar>
  microphone: 'الميكروفون',
  camera: 'الكاميرا',
  speaker: 'مكبّر الصوت',
  shareScreen: 'مشاركة الشاشة',
  microphoneForbidden: 'لا يُسمح لك باستخدام الميكروفون في هذه الغرفة.',
  cameraForbidden: 'لا يُسمح لك باستخدام الكاميرا في هذه الغرفة.',
  screenShareForbidden: 'لا يُسمح لك بمشاركة شاشتك في هذه الغرفة.',
  chooseAudioinput: 'اختيار الميكروفون',
  chooseVideoinput: 'اختيار الكاميرا',
  chooseAudiooutput: 'اختيار مكبّر الصوت',
  unnamedAudioinput: (n) => `ميكروفون ${n}`,
  unnamedVideoinput: (n) => `كاميرا ${n}`,
  unnamedAudiooutput: (n) => `مكبّر الصوت ${n}`,
  noDevices: 'لم يُعثر على أي أجهزة.',
  speakerUnsupported: 'لا يتيح هذا المتصفح اختيار مكبّر الصوت؛ يُشغَّل الصوت على المخرج الافتراضي.',
  leave: 'مغادرة',
  callControls: 'عناصر التحكم في المكالمة',
  moreControls: 'المزيد',
  moreControlsLabel: 'عناصر تحكم إضافية',
  closePanel: (panel) => `إغلاق ${panel}`,
  'error:screen-share-failed': 'تعذّر بدء مشاركة الشاشة.',

  // room level: <room-audio>, <start-audio>, <connection-banner>, <audio-visualizer>, <pre-join>
  startAudio: 'تشغيل الصوت',
  startAudioHint: 'حظر متصفحك صوت المكالمة.',
  reconnected: 'عاد الاتصال.',
  audioLevel: (name) => `مستوى ميكروفون ${name}`,
  audioLevelLocal: 'مستوى الميكروفون لديك',

  // chat: <chat-panel>, <chat-toggle>
  chat: 'الدردشة',
  chatMessages: 'رسائل الدردشة',
  chatEmpty: 'لا توجد رسائل بعد.',
  chatYou: 'أنت',
  chatMessage: 'رسالة',
  chatSend: 'إرسال',
  chatSending: 'جارٍ الإرسال…',
  chatHint: 'Enter للإرسال، وShift+Enter لبدء سطر جديد.',
  chatPending: 'بانتظار الاتصال…',
  chatNotSent: 'لم تُرسَل.',
  chatRetry: 'إعادة الإرسال',
  chatCannotSend: 'لا يُسمح لك بإرسال رسائل الدردشة في هذه الغرفة.',
  chatNotInRoom: 'يمكنك الدردشة بعد دخولك الغرفة.',
  chatNewMessages: 'رسائل جديدة',
  chatShowMore: 'عرض المزيد',
  chatShowLess: 'عرض أقل',
  chatUnread: (n) =>
    `الدردشة، ${count(n, {
      zero: 'لا رسائل غير مقروءة',
      one: 'رسالة واحدة غير مقروءة',
      two: 'رسالتان غير مقروءتين',
      few: 'رسائل غير مقروءة',
      many: 'رسالة غير مقروءة',
      other: 'رسالة غير مقروءة',
    })}`,
  'error:chat-send-failed': 'تعذّر إرسال رسالتك.',

  // <hand-raise-button>, the tile's hand mark
  raiseHand: 'رفع اليد',
  handRaiseForbidden: 'لا يُسمح لك برفع يدك في هذه الغرفة.',
  handRaised: (position) => `اليد مرفوعة (رقم ${position} في الدور)`,
  'error:hand-raise-failed': 'تعذّر رفع يدك أو خفضها.',
  // <recording-indicator>
  recording: 'جارٍ التسجيل',

  // <participant-list>, <participants-toggle>
  participants: 'المشاركون',
  participantsUnread: (n) =>
    `المشاركون، ${count(n, {
      zero: 'لا أيادٍ مرفوعة',
      one: 'يد واحدة مرفوعة',
      two: 'يدان مرفوعتان',
      few: 'أيادٍ مرفوعة',
      many: 'يدًا مرفوعة',
      other: 'يد مرفوعة',
    })}`,
  participantsFilter: 'البحث عن مشارك',
  participantsNoMatch: 'لا يوجد تطابق.',
  participantsShown: (shown, total) => `يُعرض ${shown} من ${total}`,
  participantsOnStage: 'على المنصة',
  participantsAudience: 'الجمهور',
  participantsHands: 'الأيادي المرفوعة',
  roleHost: 'المضيف',
  roleViewer: 'مشاهد',
  microphoneOn: 'الميكروفون يعمل',
  cameraOn: 'الكاميرا تعمل',
  participantActions: (name) => `إجراءات ${name}`,
  moderateMute: (name) => `كتم صوت ${name}`,
  moderateRemove: (name) => `إزالة ${name}`,
  moderateRemoveConfirm: (name) => `إزالة ${name} من الغرفة؟`,
  moderatePromote: (name) => `دعوة ${name} إلى المنصة`,
  moderateLowerHand: (name) => `خفض يد ${name}`,
  confirm: 'تأكيد',
  cancel: 'إلغاء',
  volumeOf: (name) => `مستوى صوت ${name}`,
  'error:moderation-failed': 'تعذّر تنفيذ الإجراء.',

  // reactions: <reaction-button>, the tile's reactions
  react: 'تفاعل',
  reactions: 'التفاعلات',
  reactionsForbidden: 'لا يُسمح لك بإرسال التفاعلات في هذه الغرفة.',
  'reaction:👍': 'إعجاب',
  'reaction:👏': 'تصفيق',
  'reaction:😂': 'ضحك',
  'reaction:❤️': 'حب',
  'reaction:🎉': 'احتفال',
  'reaction:😮': 'دهشة',
  reactedWith: (name, reaction) => `${name}: ${reaction}`,
  'error:reaction-failed': 'تعذّر إرسال تفاعلك.',

  // <deafen-button>
  deafen: 'كتم الصوت الوارد',
  deafenShort: 'كتم الوارد',

  // room types
  viewerNotice: 'أنت ضمن الجمهور. يمكن للمضيف دعوتك إلى المنصة.',
  promotedNotice: 'أنت على المنصة: يمكنك تشغيل الميكروفون والكاميرا.',

  announceJoined: (name) => `انضم ${name}`,
  announceLeft: (name) => `غادر ${name}`,
  announceHand: (name) => `${name}: رفع اليد`,
  announceRecording: 'بدأ التسجيل',
  announceRecordingStopped: 'توقف التسجيل',
  rejoining: 'جارٍ الانضمام مجددًا تلقائيًا…',
  'error:token-wrong-room': 'رمز الوصول مخصص لغرفة أخرى.',
  'reason:reconnect-failed': 'انقطع الاتصال وتعذّرت استعادته.',
  'error:republish-failed': 'تعذّرت إعادة تشغيله بعد إعادة الاتصال.',
  republishFailed: (what) => `عاد الاتصال، لكن تعذّرت إعادة تشغيل: ${what}.`,
  'source:camera': 'الكاميرا',
  'source:microphone': 'الميكروفون',
  'source:screen_share': 'مشاركة الشاشة',
  turnBackOn: 'إعادة التشغيل',
  tileReconnecting: 'جارٍ إعادة الاتصال…',

  // الترجمة النصية والنص المكتوب (<captions-overlay>, <captions-toggle>, <transcript-panel>, <transcript-toggle>)
  captions: 'الترجمة النصية',
  captionsNone: 'لا أحد يفرّغ هذه المكالمة نصيًا بعد.',
  captionsYou: 'أنت',
  captionLine: (name, text) => `${name}: ${text}`,
  transcript: 'النص المكتوب',
  transcriptSearch: 'البحث في النص المكتوب',
  transcriptExport: 'نسخ النص المكتوب أو تنزيله',
  transcriptCopy: 'نسخ',
  transcriptCopied: 'تم نسخ النص المكتوب.',
  transcriptCopyFailed: 'تعذّر النسخ: لم يسمح المتصفح باستخدام الحافظة.',
  transcriptDownloadVtt: 'تنزيل بصيغة WebVTT',
  transcriptDownloadText: 'تنزيل كنص',
  transcriptMatches: (shown, total) => `${shown} من ${total}`,
  transcriptNoMatch: 'لا يوجد في النص المكتوب ما يطابق البحث.',
  transcriptEmpty: 'لم يُفرَّغ أي شيء نصيًا بعد.',
  transcriptSegments: 'الكلام المفرّغ نصيًا',
  transcriptInterim: '(لا يزال قيد التفريغ)',
  // waiting room: the newcomer's screen, the hosts' notices and the Waiting group of the list
  participantsWaiting: 'في الانتظار',
  waitingAdmit: 'قبول',
  waitingDeny: 'رفض',
  waitingAdmitName: (name) => `قبول ${name}`,
  waitingDenyName: (name) => `رفض ${name}`,
  waitingTitle: 'في انتظار أن يسمح لك المضيف بالدخول',
  waitingNoHost: 'لا يوجد مضيف الآن؛ سيُسمح لك بالدخول عند وصول أحد المضيفين.',
  waitingPreview: 'كاميرتك (تظهر لك وحدك)',
  waitingLeave: 'مغادرة',
  waitingKnock: (name) => `${name} يطلب الانضمام`,
  waitingKnocks: 'طلبات الانضمام',
  waitingMore: (n) => `في الانتظار أيضًا: ${n}`,
  'reason:waiting-denied': 'لم يسمح لك المضيف بالدخول.',
  // <pip-button> and the session's picture-in-picture
  pipShort: 'صورة داخل صورة',
  pip: 'عرض المكالمة في نافذة صغيرة فوق النوافذ الأخرى',
  'error:pip-failed': 'تعذّر فتح وضع صورة داخل صورة.',
  // Host: spotlight and end for everyone
  tileSpotlight: 'تحت الضوء',
  moderateSpotlight: (name) => `تسليط الضوء على ${name} للجميع`,
  moderateUnspotlight: (name) => `إزالة تسليط الضوء عن ${name}`,
  'reason:host-ended': 'أنهى المضيف الاجتماع.',
  hostEndedBy: (name) => `أنهى المضيف ${name} الاجتماع.`,
  'reason:ended-for-everyone': 'أنهيت الاجتماع للجميع.',
  leaveOptions: 'المغادرة أو إنهاء الاجتماع',
  leaveOnly: 'مغادرة',
  endForEveryone: 'إنهاء للجميع',
  // معالجة الصوت (قائمة الميكروفون، <voice-settings>)
  voiceProcessing: 'معالجة الصوت',
  voiceNoiseSuppression: 'كتم الضوضاء',
  voiceEchoCancellation: 'إلغاء الصدى',
  voiceAutoGain: 'التحكم التلقائي في الكسب',
  voiceSuppressor: 'كتم قوي للضوضاء',
  voiceSettingsOpen: 'إعدادات الصوت…',
  voiceInputVolume: 'مستوى صوت الإدخال',
  voiceInputSensitivity: 'حساسية الإدخال',
  voiceGateOff: 'متوقفة',
  voiceGateDb: (db: number) => `${new Intl.NumberFormat('ar').format(db)} ديسيبل`,
  voiceInputLevel: 'مستوى الإدخال',
  voiceClose: 'إغلاق',
  voiceFailed: 'تعذّر إعداد معالجة الصوت.',
};
