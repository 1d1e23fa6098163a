package org.xiangzhi.registry.importer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.ResidentStatus;
import org.xiangzhi.registry.household.RegistryStore.ResidentQuery;

/**
 * Excel export of a resident search, with the search screen's criteria. Unmasked only
 * with {@code reveal=true} and a reveal role over the rows.
 */
@Controller
@PreAuthorize(RegistryAccess.CAN_READ)
class ExportController {

	private final RegistryExport export;

	ExportController(RegistryExport export) {
		this.export = export;
	}

	@GetMapping("/registry/export")
	Object export(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String gridCode,
			@RequestParam(required = false) ResidentStatus status,
			@RequestParam(defaultValue = "false") boolean reveal) {
		ResidentQuery query = new ResidentQuery(name, idNumber, phone, tag, groupId, gridCode, status);
		RegistryExport.Export result = export.export(CurrentActor.get(), query, reveal);
		if (result.tooMany()) {
			ModelAndView view = new ModelAndView("registry/import/export-limit");
			view.addObject("count", result.rows());
			view.addObject("limit", RegistryExport.MAX_ROWS);
			return view;
		}
		return ResponseEntity.ok()
			.contentType(ImportController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("居民导出.xlsx", java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(result.workbook());
	}

}
