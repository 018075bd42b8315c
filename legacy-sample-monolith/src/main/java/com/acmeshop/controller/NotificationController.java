package com.acmeshop.controller;

import com.acmeshop.dto.DispatchResultDto;
import com.acmeshop.dto.NotificationDto;
import com.acmeshop.service.NotificationService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    private final NotificationService notificationService;

    public NotificationController(NotificationService notificationService) {
        this.notificationService = notificationService;
    }

    @GetMapping
    public List<NotificationDto> list(@RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String status) {
        return notificationService.list(customerId, status);
    }

    @PostMapping("/dispatch")
    public DispatchResultDto dispatch() {
        return notificationService.dispatchPending();
    }
}
