import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { PracticeApp } from '../../practice/ui/PracticeApp';
import { practiceCss } from '../../practice/ui/styles';

// Never inside another page: the banner must be the top of what the volunteer sees.
if (window.top === window) mountPage(PracticeApp, practiceCss);
